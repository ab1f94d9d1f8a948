// A PATCH whose bytes cannot be made durable: the disk refuses an fdatasync (EIO) or a write. The
// rule (StagingStore.append): an offset is acknowledged only for bytes that were synced, so such a
// PATCH acknowledges none of its bytes, neither in its answer nor in the next HEAD, the client gets
// a clear error at once, and resuming from the last acknowledged offset ends with the right file.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { tusCreate, tusHead, tusLocation, tusPatch } from "./tus-requests";
import { createTusServer, handleTusRequest, type TusServer } from "./tus-server";

setupTestDatabase();
const storage = setupTempStorage();
let server: TusServer;
/** Node's FileHandle class (not exported), whose datasync and writev the disk failures replace. */
let fileHandle: { datasync: () => Promise<void>; writev: (...args: never[]) => Promise<unknown> };
beforeAll(async () => {
  server = createTusServer();
  const probe = await fsp.open(path.join(os.tmpdir(), `probe-${process.pid}`), "w");
  fileHandle = Object.getPrototypeOf(probe) as typeof fileHandle;
  await probe.close();
  await fsp.rm(path.join(os.tmpdir(), `probe-${process.pid}`));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ORIGIN = "http://app.local";
const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const eio = () => Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO", errno: -5 });

/** A body arriving in 64 KiB chunks, as from a socket. */
function streamOf(bytes: Buffer): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(sent, sent + 65536)));
      sent += 65536;
    },
  });
}

async function start(actor: Actor, folderId: string, name: string, size: number): Promise<string> {
  const created = await handleTusRequest(actor, tusCreate(ORIGIN, size, { kind: "file", folderId, name }), server);
  expect(created.status).toBe(201);
  return tusLocation(ORIGIN, created);
}
const patch = (actor: Actor, location: string, offset: number, bytes: Buffer) =>
  handleTusRequest(actor, tusPatch(location, offset, streamOf(bytes), bytes.length), server);
const offsetOf = async (actor: Actor, location: string) =>
  Number((await handleTusRequest(actor, tusHead(location), server)).headers.get("upload-offset"));

/** The failed PATCH's answer: a clear message in the API's error shape, a status a tus client retries. */
async function expectStorageError(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(JSON.parse(await response.text())).toEqual({
    error: expect.stringMatching(/could not be stored safely.*resume/i),
    code: "unavailable",
  });
}

async function expectStored(response: Response, bytes: Buffer): Promise<void> {
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  expect((await getDb().fileEntry.findUniqueOrThrow({ where: { id } })).sha256).toBe(sha256(bytes));
}

describe("a disk that fails while a PATCH is written", () => {
  it("a failed fdatasync acknowledges nothing of that PATCH; the PATCH resent from the last offset succeeds", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(3 * MiB);
    const location = await start(owner, rootId, "eio.bin", bytes.length);
    expect((await patch(owner, location, 0, bytes.subarray(0, MiB))).status).toBe(204);

    vi.spyOn(fileHandle, "datasync").mockRejectedValueOnce(eio());
    await expectStorageError(await patch(owner, location, MiB, bytes.subarray(MiB, 2 * MiB)));
    expect(await offsetOf(owner, location)).toBe(MiB);

    expect((await patch(owner, location, MiB, bytes.subarray(MiB, 2 * MiB))).status).toBe(204);
    await expectStored(await patch(owner, location, 2 * MiB, bytes.subarray(2 * MiB)), bytes);
  });

  it("a failed fdatasync of the last bytes does not finish the upload with them", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(2 * MiB);
    const location = await start(owner, rootId, "eio-last.bin", bytes.length);
    expect((await patch(owner, location, 0, bytes.subarray(0, MiB))).status).toBe(204);

    vi.spyOn(fileHandle, "datasync").mockRejectedValueOnce(eio());
    await expectStorageError(await patch(owner, location, MiB, bytes.subarray(MiB)));
    expect(await offsetOf(owner, location)).toBe(MiB);
    expect(await getDb().fileEntry.count({ where: { name: "eio-last.bin" } })).toBe(0);

    await expectStored(await patch(owner, location, MiB, bytes.subarray(MiB)), bytes);
  });

  it("a write refused after earlier batches of the PATCH were written acknowledges none of them", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(10 * MiB);
    const location = await start(owner, rootId, "eio-write.bin", bytes.length);
    expect((await patch(owner, location, 0, bytes.subarray(0, MiB))).status).toBe(204);

    const writev = fileHandle.writev;
    let calls = 0;
    vi.spyOn(fileHandle, "writev").mockImplementation(function (this: unknown, ...args: never[]) {
      if (++calls === 2) return Promise.reject(eio());
      return writev.apply(this, args);
    });
    await expectStorageError(await patch(owner, location, MiB, bytes.subarray(MiB, 9 * MiB)));
    vi.restoreAllMocks();
    expect(await offsetOf(owner, location)).toBe(MiB);

    expect((await patch(owner, location, MiB, bytes.subarray(MiB, 9 * MiB))).status).toBe(204);
    await expectStored(await patch(owner, location, 9 * MiB, bytes.subarray(9 * MiB)), bytes);
  });

  it("HEAD after a PATCH cut off by a crash reports its written bytes only once they are synced", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(3 * MiB);
    const location = await start(owner, rootId, "crashed.bin", bytes.length);
    expect((await patch(owner, location, 0, bytes.subarray(0, MiB))).status).toBe(204);
    // The process wrote the next MiB, then died before its fdatasync: the bytes are in the page cache only.
    fs.appendFileSync(path.join(storage.dir(), "uploads", location.split("/").pop()!), bytes.subarray(MiB, 2 * MiB));

    const refused = vi.spyOn(fileHandle, "datasync").mockRejectedValueOnce(eio());
    const failed = await handleTusRequest(owner, tusHead(location), server);
    expect(refused).toHaveBeenCalled();
    expect(failed.status).toBe(503);
    expect(failed.headers.get("upload-offset")).toBeNull();

    vi.restoreAllMocks();
    const synced = vi.spyOn(fileHandle, "datasync");
    expect(await offsetOf(owner, location)).toBe(2 * MiB);
    expect(synced).toHaveBeenCalledTimes(1);
    await expectStored(await patch(owner, location, 2 * MiB, bytes.subarray(2 * MiB)), bytes);
  });
});
