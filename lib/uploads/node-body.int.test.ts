// Behind scripts/server.mjs a tus PATCH's body is read straight from the socket's Node stream
// (lib/uploads/node-body.ts) instead of Next's web stream; these drive the tus handler with such a
// hand-over the way the server makes it.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { NODE_BODY_HEADER } from "./node-body";
import { createTusServer, handleTusRequest, type TusServer } from "./tus-server";

setupTestDatabase();
setupTempStorage();
let server: TusServer;
beforeAll(() => {
  server = createTusServer();
});

const ORIGIN = "http://app.local";
const b64 = (v: string) => Buffer.from(v).toString("base64");
const tus = { "Tus-Resumable": "1.0.0" };
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The registry scripts/server.mjs fills (the same symbol). */
const registry = () => {
  const global = globalThis as { [key: symbol]: Map<string, IncomingMessage> | undefined };
  return (global[Symbol.for("datashelf.nodeBodies")] ??= new Map());
};

/** Registers `bytes` as a request stream arriving in `chunk`-byte pieces, as the server does; returns its key. */
function handOver(bytes: Buffer, chunk: number): string {
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
    bytes.subarray(i * chunk, (i + 1) * chunk),
  );
  const key = randomBytes(16).toString("hex");
  registry().set(key, Readable.from(pieces, { objectMode: false }) as unknown as IncomingMessage);
  return key;
}

async function create(actor: Actor, folderId: string, name: string, size: number): Promise<string> {
  const metadata = `kind ${b64("file")},folderId ${b64(folderId)},name ${b64(name)}`;
  const created = await handleTusRequest(
    actor,
    new Request(`${ORIGIN}/api/uploads`, {
      method: "POST",
      headers: { ...tus, "Upload-Length": String(size), "Upload-Metadata": metadata },
    }),
    server,
  );
  expect(created.status).toBe(201);
  return new URL(created.headers.get("location")!, `${ORIGIN}/api/uploads/`).toString();
}

/** A PATCH whose web body is `webBody`, naming `key` (if any) as the server's hand-over. */
const patch = (actor: Actor, location: string, offset: number, webBody: Buffer, key?: string) =>
  handleTusRequest(
    actor,
    new Request(location, {
      method: "PATCH",
      headers: {
        ...tus,
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
        ...(key ? { [NODE_BODY_HEADER]: key } : {}),
      },
      body: new Uint8Array(webBody),
    }),
    server,
  );

const storedHash = async (response: Response) => {
  const { id } = (await response.json()) as { id: string };
  return (await getDb().fileEntry.findUniqueOrThrow({ where: { id } })).sha256;
};

describe("tus PATCH bodies handed over by the app server", () => {
  it("are written from the socket's stream, in many small chunks, and the file ends with their SHA-256", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const half = 1024 * 1024 + 5;
    const location = await create(owner, rootId, "handed-over.bin", bytes.length);
    // The web bodies are zeros: were they written instead, the checksum would differ.
    const first = await patch(owner, location, 0, Buffer.alloc(half), handOver(bytes.subarray(0, half), 1000));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe(String(half));
    const rest = bytes.subarray(half);
    const done = await patch(owner, location, half, Buffer.alloc(rest.length), handOver(rest, 65536));
    expect(done.status).toBe(200);
    expect(await storedHash(done)).toBe(sha256(bytes));
  });

  it("a key the server did not hand out, or naming a stream something already read, is ignored: the request's own body is written", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(200_000);
    const location = await create(owner, rootId, "own-body.bin", bytes.length);
    const key = handOver(Buffer.alloc(100_000, 1), 4096);
    expect((await patch(owner, location, 0, bytes.subarray(0, 100_000), randomBytes(16).toString("hex"))).status).toBe(
      204,
    );
    registry().get(key)!.resume(); // something else reads it: what it holds is no longer the whole body
    const done = await patch(owner, location, 100_000, bytes.subarray(100_000), key);
    expect(done.status).toBe(200);
    expect(await storedHash(done)).toBe(sha256(bytes));
    expect(registry().has(key)).toBe(false);
  });
});
