// The hand-over of a download's bytes to the app's server (scripts/node-file-handover.mjs, called by
// scripts/server.mjs for every request; lib/files/node-file.ts), end to end over a real socket: a node:http
// server doing what server.mjs and Next do with a request (the hand-over, Next's compression wrapper,
// next.config.js's headers, the route's Response copied by Next's own sendResponse) and a client reading it.
// The same requests go through the plain stream path (no hand-over) for comparison.
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
// @ts-expect-error Next's vendored copy of `compression` (the middleware its router wraps every response in) has no types.
import compression from "next/dist/compiled/compression";
import { NodeNextRequest, NodeNextResponse } from "next/dist/server/base-http/node";
import { sendResponse } from "next/dist/server/send-response";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { handOverNodeFile, NODE_FILE_HEADER, nodeFiles } from "@/scripts/node-file-handover.mjs";
import { setupTestDatabase } from "@/test/db";
import { openFileDownload } from "./open-download";
import { serveFile } from "./serve-file";
import { createCast, failure, putFile, setupTempStorage } from "./test-support";

setupTestDatabase();
const storage = setupTempStorage();

const MiB = 1024 * 1024;
const content = (size: number) => randomBytes(size);

type Mode = "handover" | "stream";
/** Claims the route made, how many of them passed an open file, responses it gave a web-stream body. */
type Seen = { claims: number; opened: number; streamed: number };

let server: http.Server;
let base = "";
let actor: Actor;
let fileId = "";
let rootFolderId = "";
let mode: Mode = "handover";
let afterRoute: ((res: http.ServerResponse) => void) | undefined;
const seen: Seen = { claims: 0, opened: 0, streamed: 0 };

/** What server.mjs and Next do with a request to a download route, with serveFile as the route. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  if (mode === "handover") handOverNodeFile(req, res);
  else delete req.headers[NODE_FILE_HEADER];
  // Counts the claims the route makes (the registry entry is the server's function).
  const key = req.headers[NODE_FILE_HEADER];
  const claim = typeof key === "string" ? nodeFiles().get(key) : undefined;
  if (claim && typeof key === "string")
    nodeFiles().set(key, (file) => {
      seen.claims++;
      if (file.handle) seen.opened++;
      return claim(file);
    });
  // Next's router: compression (off for no-transform) and next.config.js's headers, before the route.
  compression()(req, res, () => {});
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(new URL(req.url!, base), { method: req.method, headers });
  try {
    const { file, recordDownload } = await openFileDownload(actor, fileId);
    const response = await serveFile(request, file, { onBody: recordDownload });
    if (response.body) seen.streamed++;
    if (afterRoute) return afterRoute(res);
    await sendResponse(new NodeNextRequest(req), new NodeNextResponse(res), response);
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function fetchRaw(method: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}/api/v1/files/${fileId}/content`, { method, headers, agent: false }, (response) => {
        const parts: Buffer[] = [];
        response.on("data", (c: Buffer) => parts.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(parts) }),
        );
        response.on("error", reject);
      })
      .on("error", reject)
      .end();
  });
}

/**
 * A HEAD over a bare socket, read until the server closes it: what follows the head would be a body the
 * server must not send (Node's own client never reads one for a HEAD).
 */
function headOnWire(headers: Record<string, string> = {}): Promise<{ head: string; after: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/api/v1/files/${fileId}/content`);
    const fields = Object.entries({ ...headers, Host: url.host, Connection: "close" }).map(
      ([n, v]) => `${n}: ${v}\r\n`,
    );
    const socket = net.connect(Number(url.port), url.hostname);
    socket.write(`HEAD ${url.pathname} HTTP/1.1\r\n${fields.join("")}\r\n`);
    const parts: Buffer[] = [];
    socket.on("data", (c: Buffer) => parts.push(c));
    socket.on("end", () => {
      const all = Buffer.concat(parts);
      const end = all.indexOf("\r\n\r\n");
      resolve({ head: all.subarray(0, end).toString(), after: all.subarray(end + 4) });
    });
    socket.on("error", reject);
  });
}

/** The same request through the hand-over and through the stream path. */
async function both(method: string, headers: Record<string, string> = {}) {
  mode = "handover";
  seen.claims = seen.opened = seen.streamed = 0;
  const handover = await fetchRaw(method, headers);
  const handoverSeen = { ...seen };
  mode = "stream";
  seen.claims = seen.opened = seen.streamed = 0;
  const stream = await fetchRaw(method, headers);
  mode = "handover";
  return { handover, stream, handoverSeen };
}

/** The headers but those about framing and the connection (the stream path is chunked, the hand-over is not). */
const comparable = (h: http.IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(h).filter(([name]) => !["date", "transfer-encoding", "content-length", "connection"].includes(name)),
  );

/** The open file descriptors of this process pointing at `file`. */
function openHandles(file: string): number {
  const fdDir = "/proc/self/fd";
  let n = 0;
  for (const fd of fs.readdirSync(fdDir)) {
    try {
      if (fs.readlinkSync(path.join(fdDir, fd)) === file) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

let bytes: Buffer;
let blobPath = "";

beforeAll(async () => {
  const { owner, rootId } = await createCast();
  actor = owner;
  rootFolderId = rootId;
  bytes = content(24 * MiB + 3);
  const outcome = await putFile(owner, rootId, "big.bin", bytes);
  if (outcome.status === "skipped") throw new Error("not stored");
  fileId = outcome.id;
  const row = await getDb().fileEntry.findUniqueOrThrow({ where: { id: fileId } });
  blobPath = path.join(storage.blobDir(), row.blobKey!);
  if (!fs.existsSync(blobPath)) {
    const found = fs.readdirSync(storage.blobDir(), { recursive: true }).map(String);
    blobPath = path.join(
      storage.blobDir(),
      found.find((f) => f.endsWith(path.basename(row.blobKey!)))!,
    );
  }
  server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the server's hand-over of download bytes", () => {
  it("sends the same bytes and headers as the stream path, with the route's Content-Length and no web stream", async () => {
    const { handover, stream, handoverSeen } = await both("GET", { "Accept-Encoding": "gzip" });
    expect(handoverSeen).toEqual({ claims: 1, opened: 1, streamed: 0 });
    expect(handover.status).toBe(200);
    expect(handover.body.equals(bytes)).toBe(true);
    expect(stream.body.equals(bytes)).toBe(true);
    expect(handover.headers["content-length"]).toBe(String(bytes.length));
    expect(handover.headers["transfer-encoding"]).toBeUndefined();
    expect(handover.headers["content-encoding"]).toBeUndefined();
    expect(comparable(handover.headers)).toEqual(comparable(stream.headers));
    // next.config.js's headers and the route's own, as the stream path sends them.
    expect(handover.headers).toMatchObject({
      "x-frame-options": "DENY",
      "cache-control": "private, no-cache, no-transform",
      "content-disposition": expect.stringContaining("big.bin"),
      "x-content-type-options": "nosniff",
      "accept-ranges": "bytes",
    });
    expect(openHandles(blobPath)).toBe(0);
  });

  it("ranges: 206 with Content-Range and exactly those bytes; an unsatisfiable range stays a 416", async () => {
    for (const [start, end] of [
      [0, 0],
      [5, MiB + 5],
      [MiB - 1, 3 * MiB],
      [bytes.length - 10, bytes.length - 1],
    ] as const) {
      const { handover, stream, handoverSeen } = await both("GET", { Range: `bytes=${start}-${end}` });
      expect(handoverSeen.claims).toBe(1);
      expect(handover.status).toBe(206);
      expect(handover.headers["content-range"]).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(handover.headers["content-length"]).toBe(String(end - start + 1));
      expect(handover.body.equals(bytes.subarray(start, end + 1))).toBe(true);
      expect(comparable(handover.headers)).toEqual(comparable(stream.headers));
    }
    const { handover, stream, handoverSeen } = await both("GET", { Range: `bytes=${bytes.length}-` });
    expect(handoverSeen.claims).toBe(0);
    expect(handover.status).toBe(416);
    expect(handover.body.equals(stream.body)).toBe(true);
  });

  it("HEAD answers with the Content-Length (and Content-Range) a GET would and no body, claiming without opening the file", async () => {
    const open = vi.spyOn(fsp, "open");
    try {
      for (const [headers, status] of [
        [{}, 200],
        [{ Range: "bytes=0-9" }, 206],
      ] as const) {
        const get = await fetchRaw("GET", headers);
        open.mockClear();
        const { handover, stream, handoverSeen } = await both("HEAD", headers);
        expect(handover.status).toBe(status);
        expect(handover.headers["content-length"]).toBe(status === 200 ? String(bytes.length) : "10");
        expect(handover.headers["content-length"]).toBe(get.headers["content-length"]);
        expect(handover.headers["content-range"]).toBe(status === 200 ? undefined : `bytes 0-9/${bytes.length}`);
        expect(handoverSeen).toEqual({ claims: 1, opened: 0, streamed: 0 });
        expect(comparable(handover.headers)).toEqual(comparable(get.headers));
        expect(comparable(handover.headers)).toEqual(comparable(stream.headers));
        const wire = await headOnWire(headers);
        expect(wire.head).toMatch(
          new RegExp(`^HTTP/1.1 ${status} .*\r\ncontent-length: ${get.headers["content-length"]}(\r\n|$)`, "is"),
        );
        expect(wire.after.length).toBe(0);
        expect(open).not.toHaveBeenCalled();
      }
    } finally {
      open.mockRestore();
    }
    expect(openHandles(blobPath)).toBe(0);
    expect(nodeFiles().size).toBe(0);
    // An empty file: Content-Length 0 (the range [0, -1]).
    const empty = await putFile(actor, rootFolderId, "empty.bin", "");
    if (empty.status === "skipped") throw new Error("not stored");
    const previousFile = fileId;
    fileId = empty.id;
    try {
      const { handover, handoverSeen } = await both("HEAD");
      expect([handover.status, handover.headers["content-length"]]).toEqual([200, "0"]);
      expect(handoverSeen).toEqual({ claims: 1, opened: 0, streamed: 0 });
    } finally {
      fileId = previousFile;
    }
  });

  it("304 and 412-style conditions answer as before, without claiming the response or opening the file", async () => {
    const etag = (await fetchRaw("HEAD")).headers.etag!;
    for (const method of ["GET", "HEAD"]) {
      const notModified = await both(method, { "If-None-Match": etag });
      expect(notModified.handoverSeen.claims).toBe(0);
      expect(notModified.handover.status).toBe(304);
      expect(notModified.handover.body.length).toBe(0);
    }
    // If-Range that no longer matches: the whole file, through the hand-over.
    const stale = await both("GET", { Range: "bytes=0-9", "If-Range": '"other"' });
    expect(stale.handover.status).toBe(200);
    expect(stale.handover.body.equals(bytes)).toBe(true);
    expect(openHandles(blobPath)).toBe(0);
  });

  it("a client cannot trigger it: its own header, even naming a live claim of another request, is dropped", async () => {
    let planted = 0;
    const key = randomBytes(16).toString("hex");
    nodeFiles().set(key, () => {
      planted++;
      return true;
    });
    try {
      seen.claims = seen.opened = seen.streamed = 0;
      const answer = await fetchRaw("GET", { [NODE_FILE_HEADER]: key });
      expect(planted).toBe(0);
      expect(answer.body.equals(bytes)).toBe(true);
      // The request got a fresh key of its own instead.
      expect(seen).toEqual({ claims: 1, opened: 1, streamed: 0 });
      /** The header a request sent with the client's copy of `key` has once the server prepared it. */
      const keyOf = (method: string, url: string) => {
        const req = { method, url, headers: { [NODE_FILE_HEADER]: key } } as unknown as http.IncomingMessage;
        handOverNodeFile(req, new http.ServerResponse(req));
        return req.headers[NODE_FILE_HEADER];
      };
      // Other paths and methods get no key at all, and lose the client's.
      for (const [method, url] of [
        ["GET", "/api/v1/files/x/other"],
        ["HEAD", "/api/v1/files/x/other"],
        ["POST", "/api/files/x/download"],
        ["GET", "/api/v1/files/x/content/../../secrets"],
      ] as const)
        expect(keyOf(method, url)).toBeUndefined();
      // The file browser's download route gets one of its own, like the API's, and so does a HEAD of either:
      // a GET's claim without a file is refused, as is a HEAD's with one (a HEAD's head never sends bytes).
      const handle = { close: async () => {} } as unknown as fs.promises.FileHandle;
      for (const [method, url] of [
        ["GET", "/api/files/x/download?inline=1"],
        ["HEAD", "/api/files/x/download"],
        ["HEAD", "/api/v1/files/x/content"],
      ] as const) {
        const own = String(keyOf(method, url));
        expect(own).toMatch(/^[0-9a-f]{32}$/);
        expect(own).not.toBe(key);
        const wrong = { handle: method === "GET" ? null : handle, start: 0, end: 0, status: 200 };
        expect(nodeFiles().get(own)!(wrong)).toBe(false);
        expect(nodeFiles().has(own)).toBe(false);
      }
    } finally {
      nodeFiles().delete(key);
    }
  });

  it("a client going away mid-download closes the file; a key is single-use and gone with its response", async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${base}/api/v1/files/${fileId}/content`, { agent: false }, (response) => {
        response.once("data", () => {
          response.pause();
          // The server is now blocked on the socket with the file open.
          expect(openHandles(blobPath)).toBe(1);
          req.destroy();
          resolve();
        });
      });
      req.on("error", (error) => (error.message.includes("socket hang up") ? undefined : reject(error)));
    });
    for (let i = 0; i < 100 && openHandles(blobPath) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(openHandles(blobPath)).toBe(0);
    expect(nodeFiles().size).toBe(0);
  });

  it("when Next ends the response some other way (an error page, another status), that is sent and the file is closed", async () => {
    afterRoute = (res) => {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain");
      res.end("failed");
    };
    try {
      const answer = await fetchRaw("GET");
      expect(answer.status).toBe(500);
      expect(answer.body.toString()).toBe("failed");
      expect(answer.headers["content-type"]).toBe("text/plain");
    } finally {
      afterRoute = undefined;
    }
    for (let i = 0; i < 50 && openHandles(blobPath) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(openHandles(blobPath)).toBe(0);
  });

  it("a file shorter than the route promised breaks the connection instead of leaving the client waiting", async () => {
    const short = path.join(storage.dir(), "short.bin");
    fs.writeFileSync(short, Buffer.alloc(1000, 7));
    const bare = http.createServer((req, res) => {
      handOverNodeFile(req, res);
      const claim = nodeFiles().get(String(req.headers[NODE_FILE_HEADER]))!;
      void fs.promises.open(short, "r").then((handle) => {
        expect(claim({ handle, start: 0, end: 1999, status: 200 })).toBe(true);
        res.statusCode = 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/files/x/download`;
      const outcome = await new Promise<string>((resolve) => {
        http
          .get(url, { agent: false }, (response) => {
            expect(response.headers["content-length"]).toBe("2000");
            let got = 0;
            response.on("data", (c: Buffer) => (got += c.length));
            response.on("end", () => resolve(`ended after ${got}`));
            response.on("error", () => resolve(`broken after ${got}`));
            response.on("aborted", () => resolve(`broken after ${got}`));
          })
          .on("error", () => resolve("broken"));
      });
      expect(outcome).toBe("broken after 1000");
      for (let i = 0; i < 50 && openHandles(short) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(openHandles(short)).toBe(0);
    } finally {
      bare.closeAllConnections();
      await new Promise((resolve) => bare.close(resolve));
    }
  });

  it("a revoked reader is refused on the next request through the hand-over too", async () => {
    const { owner, viewer, rootId, workspace } = await createCast();
    const outcome = await putFile(owner, rootId, "shared.bin", content(MiB));
    if (outcome.status === "skipped") throw new Error("not stored");
    const [previousActor, previousFile] = [actor, fileId];
    [actor, fileId] = [viewer, outcome.id];
    try {
      expect((await fetchRaw("GET")).status).toBe(200);
      await getDb().share.deleteMany({ where: { workspaceId: workspace.id, granteeUserId: viewer.id } });
      expect(await failure(openFileDownload(viewer, outcome.id))).toMatchObject({ code: "not_found" });
      expect((await fetchRaw("GET")).status).toBe(500);
    } finally {
      [actor, fileId] = [previousActor, previousFile];
    }
  });
});
