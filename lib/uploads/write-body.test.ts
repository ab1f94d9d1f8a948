import { createHash } from "node:crypto";
import fs from "node:fs";
import type { FileHandle } from "node:fs/promises";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WRITE_BATCH_BYTES, writeBody } from "./write-body";

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "write-body-"));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** A body of `count` chunks of `size` bytes each (distinct bytes per chunk), and all of it joined. */
function chunkedBody(count: number, size: number, { failAfter }: { failAfter?: number } = {}) {
  const chunks = Array.from({ length: count }, (_, i) => Buffer.alloc(size, i % 251));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) return controller.error(new Error("connection reset"));
      if (sent === chunks.length) return controller.close();
      controller.enqueue(new Uint8Array(chunks[sent++]!));
    },
  });
  return { body, bytes: Buffer.concat(chunks) };
}

/**
 * The real file handle, with a log of when each write finished and when each fdatasync started
 * and finished (the order decides whether an acknowledged byte is durable).
 */
async function loggedHandle(file: string) {
  const handle = await fsp.open(file, "w+");
  const log: string[] = [];
  const logged = new Proxy(handle, {
    get(target, key) {
      if (key === "writev")
        return async (...args: Parameters<FileHandle["writev"]>) => {
          const result = await target.writev(...args);
          log.push(`wrote ${result.bytesWritten}`);
          return result;
        };
      if (key === "datasync")
        return async () => {
          log.push("sync start");
          await target.datasync();
          log.push("sync end");
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { handle: logged, close: () => handle.close(), log };
}

describe("writeBody", () => {
  it("a body in many small chunks is written whole, in order, and reported piece by piece", async () => {
    const file = path.join(dir, "staged");
    const { handle, close } = await loggedHandle(file);
    const { body, bytes } = chunkedBody(700, 16 * 1024 + 3);
    const hash = createHash("sha256");
    let reported = 0;
    const end = await writeBody(body, handle, 0, {
      onWritten: (piece) => {
        hash.update(piece);
        reported += piece.length;
      },
    });
    await close();
    expect(end).toBe("complete");
    expect(reported).toBe(bytes.length);
    expect(hash.digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it("durable: resolves only after an fdatasync that began once the last byte was written", async () => {
    const file = path.join(dir, "staged");
    const { handle, close, log } = await loggedHandle(file);
    const { body, bytes } = chunkedBody(3 * 64, 64 * 1024); // 12 MiB: several batches
    expect(bytes.length).toBeGreaterThan(2 * WRITE_BATCH_BYTES);
    const end = await writeBody(body, handle, 0, { durable: true });
    const resolvedAt = log.length;
    await close();
    expect(end).toBe("complete");
    // A sync that began after the last write (so it covers every byte) ended before writeBody resolved.
    const lastWrite = log.findLastIndex((entry) => entry.startsWith("wrote"));
    const syncAfterLastWrite = log.indexOf("sync start", lastWrite);
    expect(syncAfterLastWrite).toBeGreaterThan(lastWrite);
    const itsEnd = log.indexOf("sync end", syncAfterLastWrite);
    expect(itsEnd).toBeGreaterThan(syncAfterLastWrite);
    expect(itsEnd).toBeLessThan(resolvedAt);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it("durable: what arrived before the client's connection dropped is synced before it resolves", async () => {
    const file = path.join(dir, "staged");
    const { handle, close, log } = await loggedHandle(file);
    const { body } = chunkedBody(100, 64 * 1024, { failAfter: 90 });
    const end = await writeBody(body, handle, 0, { durable: true });
    await close();
    expect(end).toBe("dropped");
    expect(log.at(-1)).toBe("sync end");
    expect(fs.statSync(file).size).toBe(90 * 64 * 1024);
  });

  it("without durable nothing is synced", async () => {
    const { handle, close, log } = await loggedHandle(path.join(dir, "staged"));
    await writeBody(chunkedBody(10, 1024).body, handle, 0);
    await close();
    expect(log.filter((entry) => entry.startsWith("sync"))).toEqual([]);
  });
});
