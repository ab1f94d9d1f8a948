// The SHA-256 of a tus upload is computed while its bytes arrive, so the request that brings the
// last bytes answers without reading the whole staged file again (issue 15), and the checksum
// stays right when a PATCH is cut off and resumed or continues on another app instance.
import { createHash } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { sha256OfFile } from "@/lib/files/hash-file";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { createTusServer, handleTusRequest, type TusServer } from "./tus-server";

setupTestDatabase();
const storage = setupTempStorage();
let server: TusServer;
let other: TusServer; // a second app instance on the same staging directory

beforeAll(() => {
  server = createTusServer();
  other = createTusServer();
});

const ORIGIN = "http://app.local";
const MiB = 1024 * 1024;
const b64 = (v: string) => Buffer.from(v).toString("base64");
const tus = { "Tus-Resumable": "1.0.0" };

async function create(actor: Actor, folderId: string, name: string, size: number, on = server): Promise<string> {
  const metadata = `kind ${b64("file")},folderId ${b64(folderId)},name ${b64(name)}`;
  const created = await handleTusRequest(
    actor,
    new Request(`${ORIGIN}/api/uploads`, {
      method: "POST",
      headers: { ...tus, "Upload-Length": String(size), "Upload-Metadata": metadata },
    }),
    on,
  );
  expect(created.status).toBe(201);
  return new URL(created.headers.get("location")!, `${ORIGIN}/api/uploads/`).toString();
}

const patch = (
  actor: Actor,
  location: string,
  offset: number,
  body: Uint8Array | ReadableStream<Uint8Array>,
  on = server,
) =>
  handleTusRequest(
    actor,
    new Request(location, {
      method: "PATCH",
      headers: { ...tus, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
      body: body as BodyInit,
      duplex: "half",
    } as RequestInit),
    on,
  );

const offsetOf = async (actor: Actor, location: string, on = server) =>
  Number(
    (await handleTusRequest(actor, new Request(location, { method: "HEAD", headers: tus }), on)).headers.get(
      "upload-offset",
    ),
  );

/** Bytes that are not all alike, so a checksum over the wrong part of them differs. */
function content(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) bytes.writeUInt32LE(((i + seed) * 2654435761) >>> 0, i);
  return bytes;
}

/** A request body that delivers `bytes`, then fails (a client whose connection drops mid-PATCH). */
function cutOff(bytes: Buffer): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        return;
      }
      controller.error(new Error("connection reset"));
    },
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const storedHash = async (fileId: string) =>
  (await getDb().fileEntry.findUniqueOrThrow({ where: { id: fileId } })).sha256;

describe("upload checksums", () => {
  it("the PATCH with the last bytes of a large upload answers sooner than reading the file once more would take", async () => {
    const { owner, rootId } = await createCast();
    const size = 128 * MiB + 1;
    const bytes = content(size, 1);
    const location = await create(owner, rootId, "large.bin", size);
    for (let offset = 0; offset < size - 1; offset += 16 * MiB) {
      expect(
        (await patch(owner, location, offset, bytes.subarray(offset, Math.min(size - 1, offset + 16 * MiB)))).status,
      ).toBe(204);
    }
    // What finishing cost before: one more pass over the staged file (warm in the page cache).
    const staged = path.join(storage.dir(), "uploads", location.split("/").pop()!);
    const hashStarted = performance.now();
    await sha256OfFile(staged);
    const oneReadMs = performance.now() - hashStarted;

    const started = performance.now();
    const last = await patch(owner, location, size - 1, bytes.subarray(size - 1));
    const lastMs = performance.now() - started;
    expect(last.status).toBe(200);
    const { id } = (await last.json()) as { id: string };
    expect(await storedHash(id)).toBe(sha256(bytes));
    expect(lastMs).toBeLessThan(oneReadMs);
  });

  it("a PATCH cut off mid-way and resumed from the offset HEAD reports ends with the SHA-256 of the bytes", async () => {
    const { owner, rootId } = await createCast();
    const size = 3 * MiB + 123;
    const bytes = content(size, 2);
    const location = await create(owner, rootId, "resumed.bin", size);
    const cut = await patch(owner, location, 0, cutOff(bytes.subarray(0, MiB + 4567)));
    expect(cut.status).toBeGreaterThanOrEqual(400);
    const offset = await offsetOf(owner, location);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(MiB + 4567);
    const done = await patch(owner, location, offset, bytes.subarray(offset));
    expect(done.status).toBe(200);
    const { id } = (await done.json()) as { id: string };
    expect(await storedHash(id)).toBe(sha256(bytes));
  });

  it("an upload continued on another app instance, and back, ends with the SHA-256 of the bytes", async () => {
    const { owner, rootId } = await createCast();
    const size = 3 * MiB;
    const bytes = content(size, 3);
    const location = await create(owner, rootId, "moved-around.bin", size);
    expect((await patch(owner, location, 0, bytes.subarray(0, MiB))).status).toBe(204);
    expect((await patch(owner, location, MiB, bytes.subarray(MiB, 2 * MiB), other)).status).toBe(204);
    const done = await patch(owner, location, 2 * MiB, bytes.subarray(2 * MiB));
    expect(done.status).toBe(200);
    const { id } = (await done.json()) as { id: string };
    expect(await storedHash(id)).toBe(sha256(bytes));
  });
});
