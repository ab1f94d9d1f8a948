// The hand-over of a tus PATCH's Node stream as the app's server makes it (scripts/node-body-handover.mjs,
// called by scripts/server.mjs for every request), followed by what Next does with the request (a web
// Request built from the Node request's headers, its body a web stream over the same socket): a
// client that names a live hand-over key in its own header must still get only its own body written.
import { EventEmitter } from "node:events";
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { handOverNodeBody, NODE_BODY_HEADER, nodeBodies } from "@/scripts/node-body-handover.mjs";
import { setupTestDatabase } from "@/test/db";
import { nodeRequest } from "./node-requests";
import { tusCreate, tusLocation } from "./tus-requests";
import { createTusServer, handleTusRequest, type TusServer } from "./tus-server";

setupTestDatabase();
setupTempStorage();
let server: TusServer;
beforeAll(() => {
  server = createTusServer();
});

const ORIGIN = "http://app.local";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Through the server's hand-over, then into the tus handler as Next would pass it on. */
async function serve(actor: Actor, req: IncomingMessage): Promise<Response> {
  const res = new EventEmitter();
  handOverNodeBody(req, res);
  const request = new Request(new URL(req.url!, ORIGIN), {
    method: req.method,
    headers: req.headers as Record<string, string>,
    // Next passes the Node stream itself; undici reads it only when the web body is read.
    body: req as unknown as BodyInit,
    duplex: "half",
  } as RequestInit);
  try {
    return await handleTusRequest(actor, request, server);
  } finally {
    res.emit("close");
  }
}

/** Another request's stream, live in the registry under a key this client somehow knows. */
function plantedBody(bytes: number): string {
  const key = randomBytes(16).toString("hex");
  nodeBodies().set(key, Readable.from([Buffer.alloc(bytes, 0x66)], { objectMode: false }));
  return key;
}

const patchHeaders = (offset: number, extra: Record<string, string> = {}) => ({
  "Tus-Resumable": "1.0.0",
  "Upload-Offset": String(offset),
  "Content-Type": "application/offset+octet-stream",
  ...extra,
});

async function stored(response: Response): Promise<string | null> {
  const { id } = (await response.json()) as { id: string };
  return (await getDb().fileEntry.findUniqueOrThrow({ where: { id } })).sha256;
}

describe("the server's hand-over of tus PATCH bodies", () => {
  it("a PATCH naming another request's live key in its own header writes its own body", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(300_000);
    const created = await handleTusRequest(
      owner,
      tusCreate(ORIGIN, bytes.length, { kind: "file", folderId: rootId, name: "own.bin" }),
      server,
    );
    const path = new URL(tusLocation(ORIGIN, created)).pathname;
    const planted = plantedBody(bytes.length);
    const done = await serve(
      owner,
      nodeRequest("PATCH", path, patchHeaders(0, { [NODE_BODY_HEADER]: planted }), bytes),
    );
    expect(done.status).toBe(200);
    expect(await stored(done)).toBe(sha256(bytes));
    // The other request's body was not touched.
    expect(nodeBodies().get(planted)?.readableDidRead).toBe(false);
    nodeBodies().delete(planted);
  });

  it("so does a PATCH to a path the hand-over does not take (the upload id percent-encoded, which tus decodes)", async () => {
    const { owner, rootId } = await createCast();
    const bytes = randomBytes(200_000);
    const created = await handleTusRequest(
      owner,
      tusCreate(ORIGIN, bytes.length, { kind: "file", folderId: rootId, name: "encoded.bin" }),
      server,
    );
    const path = new URL(tusLocation(ORIGIN, created)).pathname;
    const id = path.split("/").pop()!;
    const encoded = `/api/uploads/${[...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("")}`;
    const planted = plantedBody(bytes.length);
    const done = await serve(
      owner,
      nodeRequest("PATCH", encoded, patchHeaders(0, { [NODE_BODY_HEADER]: planted }), bytes),
    );
    expect(done.status).toBe(200);
    expect(await stored(done)).toBe(sha256(bytes));
    expect(nodeBodies().get(planted)?.readableDidRead).toBe(false);
    nodeBodies().delete(planted);
  });

  it("any other request loses a client's copy of the header, and a tus PATCH's key leaves the registry with its response", async () => {
    const get = nodeRequest("GET", "/api/v1/workspaces", { [NODE_BODY_HEADER]: "0".repeat(32) }, Buffer.alloc(0));
    handOverNodeBody(get, new EventEmitter());
    expect(get.headers[NODE_BODY_HEADER]).toBeUndefined();
    const res = new EventEmitter();
    const patch = nodeRequest(
      "PATCH",
      `/api/uploads/${"a".repeat(32)}`,
      { [NODE_BODY_HEADER]: "b".repeat(32) },
      Buffer.alloc(1),
    );
    handOverNodeBody(patch, res);
    const key = patch.headers[NODE_BODY_HEADER] as string;
    expect(key).toMatch(/^[a-f0-9]{32}$/);
    expect(key).not.toBe("b".repeat(32));
    expect(nodeBodies().get(key)).toBe(patch);
    res.emit("close");
    expect(nodeBodies().has(key)).toBe(false);
  });

  it("a REST multipart part (PUT or POST) gets a key of its own; the upload's other requests get none", async () => {
    const upload = `/api/v1/upload/multipart/alice/team/sales/${"c".repeat(32)}`;
    for (const [method, url, handedOver] of [
      ["PUT", `${upload}/parts/1`, true],
      ["POST", `${upload}/parts/12?x=1`, true],
      ["GET", `${upload}/parts/1`, false],
      ["DELETE", `${upload}/parts/1`, false],
      ["POST", `${upload}/complete`, false],
      ["PUT", `${upload}/parts/1/extra`, false],
      ["PUT", `/api/v1/upload/multipart/alice/team/${"c".repeat(32)}/parts/1`, false],
    ] as const) {
      const req = nodeRequest(method, url, { [NODE_BODY_HEADER]: "d".repeat(32) }, Buffer.alloc(1));
      const res = new EventEmitter();
      handOverNodeBody(req, res);
      const key = req.headers[NODE_BODY_HEADER];
      expect({ method, url, handedOver: key !== undefined }).toEqual({ method, url, handedOver });
      if (!handedOver) continue;
      expect(key).not.toBe("d".repeat(32));
      expect(nodeBodies().get(key as string)).toBe(req);
      res.emit("close");
      expect(nodeBodies().has(key as string)).toBe(false);
    }
  });
});
