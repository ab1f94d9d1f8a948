// Downloads as a client receives them: the bytes of the whole file and of ranges, headers that keep
// a proxy or Next's own compression from re-encoding the stream, and a revoked reader refused on
// the very next request.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { setupTestDatabase } from "@/test/db";
import { openFileDownload } from "./open-download";
import { serveFile } from "./serve-file";
import { createCast, failure, putFile, setupTempStorage } from "./test-support";

setupTestDatabase();
setupTempStorage();

const MiB = 1024 * 1024;

function content(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  return bytes;
}

async function store(...args: Parameters<typeof putFile>): Promise<string> {
  const outcome = await putFile(...args);
  if (outcome.status === "skipped") throw new Error("not stored");
  return outcome.id;
}

const get = (headers: Record<string, string> = {}) =>
  new Request("http://app.local/api/v1/files/x/content", { headers });

describe("serveFile", () => {
  it("a text file is sent as stored: no-transform keeps Next's gzip from re-encoding it, so Content-Length and ranges hold", async () => {
    const { owner, rootId } = await createCast();
    const csv = Buffer.from("a,b\n".repeat(100_000));
    const id = await store(owner, rootId, "table.csv", csv);
    const { file } = await openFileDownload(owner, id);
    const response = await serveFile(get({ "Accept-Encoding": "gzip" }), file);
    expect(response.headers.get("cache-control")).toMatch(/(^|,)\s*no-transform\s*(,|$)/);
    expect(response.headers.get("cache-control")).toMatch(/no-cache/);
    expect(response.headers.get("content-length")).toBe(String(csv.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(csv)).toBe(true);
  });

  it("streams a file of several read chunks, and ranges inside, across and at the end of them, byte for byte", async () => {
    const { owner, rootId } = await createCast();
    const bytes = content(3 * MiB + 17);
    const id = await store(owner, rootId, "big.bin", bytes);
    const { file } = await openFileDownload(owner, id);
    const whole = await serveFile(get(), file);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    for (const [start, end] of [
      [0, 0],
      [5, MiB + 5],
      [MiB - 1, 2 * MiB],
      [bytes.length - 10, bytes.length - 1],
    ] as const) {
      const part = await serveFile(get({ Range: `bytes=${start}-${end}` }), file);
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it("a download the client stops early releases the file, and revoking access refuses the next request", async () => {
    const { owner, viewer, rootId, workspace } = await createCast();
    const id = await store(owner, rootId, "shared.bin", content(2 * MiB));
    const { file } = await openFileDownload(viewer, id);
    const response = await serveFile(get(), file);
    const reader = response.body!.getReader();
    expect((await reader.read()).value!.length).toBeGreaterThan(0);
    await reader.cancel();
    await getDb().share.deleteMany({ where: { workspaceId: workspace.id, granteeUserId: viewer.id } });
    expect(await failure(openFileDownload(viewer, id))).toMatchObject({ code: "not_found" });
  });
});
