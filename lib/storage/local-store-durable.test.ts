import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Every flush, with whether the blob's final name existed when it was asked for.
const flushes: { what: "file" | "dir"; path: string; named: boolean }[] = [];
let target = "";
vi.mock("./durable", () => ({
  syncFile: async (file: string) => void flushes.push({ what: "file", path: file, named: fs.existsSync(target) }),
  syncDir: async (dir: string) => void flushes.push({ what: "dir", path: dir, named: fs.existsSync(target) }),
}));
const { LocalBlobStore } = await import("./local-store");

let root = "";
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ds-durable-"));
  flushes.length = 0;
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("a local blob is durable when its put resolves", () => {
  it("put flushes the bytes before the rename and the folders naming it after", async () => {
    const store = new LocalBlobStore(root);
    target = path.join(root, "ab", "cd", "blob");
    await store.put("ab/cd/blob", Readable.from([Buffer.from("hello")]));
    expect(fs.readFileSync(target, "utf8")).toBe("hello");
    expect(flushes[0]).toMatchObject({ what: "file", named: false });
    // the new folders ab/cd and ab, then the root that holds ab: every entry on the way is flushed
    expect(flushes.slice(1)).toEqual([
      { what: "dir", path: path.join(root, "ab", "cd"), named: true },
      { what: "dir", path: path.join(root, "ab"), named: true },
      { what: "dir", path: root, named: true },
    ]);
  });

  it("putFile flushes a moved file before its rename and its folder after, also into an existing folder", async () => {
    const store = new LocalBlobStore(root);
    fs.mkdirSync(path.join(root, "k"), { recursive: true });
    const source = path.join(root, "staged");
    fs.writeFileSync(source, "bytes");
    target = path.join(root, "k", "blob");
    await store.putFile("k/blob", source);
    expect(fs.readFileSync(target, "utf8")).toBe("bytes");
    expect(flushes).toEqual([
      { what: "file", path: source, named: false },
      { what: "dir", path: path.join(root, "k"), named: true },
    ]);
  });
});
