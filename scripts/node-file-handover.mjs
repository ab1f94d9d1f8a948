// The app's HTTP server (scripts/server.mjs) lets a file download's route hand the bytes of the file to
// it (lib/files/node-file.ts makes the claim): the route checks access, conditions and ranges and sets
// every header as before; then, instead of a web stream Next pumps into the socket chunk by chunk (one
// read of the disk at a time, waiting for the socket to drain before the next read starts), this server
// streams the open file to the socket with plain Node streams, the next read overlapping the write.
// Kept apart from the server so tests can drive the hand-over as the server does.
import { randomBytes } from "node:crypto";
import fs from "node:fs";

// Must equal NODE_FILE_HEADER and the registry's symbol in lib/files/node-file.ts.
export const NODE_FILE_HEADER = "x-datashelf-node-file";
const NODE_FILES = Symbol.for("datashelf.nodeFiles");
// The paths of the two download routes (app/api/v1/files/[fileId]/content, app/api/files/[id]/download).
const DOWNLOAD_PATH = /^\/api\/(v1\/files\/[^/?#]+\/content|files\/[^/?#]+\/download)\/?(\?|$)/;
/** Bytes per read of the file (the read stream's highWaterMark): one read ahead of the socket. */
export const READ_BYTES = 1024 * 1024;

/**
 * The registry lib/files/node-file.ts reads: a random key per request, the function that claims the
 * response for a file.
 * @returns {Map<string, (file: NodeFile) => boolean>}
 */
export function nodeFiles() {
  return (globalThis[NODE_FILES] ??= new Map());
}

/**
 * @typedef {{ handle: import("node:fs/promises").FileHandle, start: number, end: number, status: number }} NodeFile
 * Bytes [start, end] of the open file, the body of a response of `status` (200 or 206).
 */

/**
 * Prepares `req` and `res` for the app before Next sees them.
 * Rule: the NODE_FILE_HEADER the app reads is only ever the server's own. Whatever a client sent under
 * that name is deleted, for every request; a GET of a download route then gets a fresh random 128-bit
 * key naming a claim on its own response, removed when it is used or the response closes. The claim
 * carries no path: the route passes the file it opened after its checks. A client can therefore never
 * make this server send a file, only the route can, and only into the response of its own request.
 *
 * What the route's Response sets is kept: Next copies its status and headers onto `res` as always
 * (with next.config.js's headers) and then ends `res` without a body; at that moment this server
 * sends the claimed bytes instead, with the Content-Length the route promised (Next itself drops a
 * route's Content-Length and sends web-stream bodies chunked). Anything else Next ends the response
 * with (an error page, another status, a body) is sent as it is and the file is closed unread. A
 * client going away, a read error and a file shorter than promised close the file and the socket.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ readBytes?: number }} [options]
 */
export function handOverNodeFile(req, res, { readBytes = READ_BYTES } = {}) {
  delete req.headers[NODE_FILE_HEADER];
  if (req.method !== "GET" || !DOWNLOAD_PATH.test(req.url ?? "")) return;
  const key = randomBytes(16).toString("hex");
  const files = nodeFiles();
  /** @type {NodeFile | null} */
  let claimed = null;
  let settled = false;
  /** @type {fs.ReadStream | null} */
  let body = null;
  const release = () => {
    const file = claimed;
    claimed = null;
    settled = true;
    files.delete(key);
    if (file) void file.handle.close().catch(() => {});
    // The client went away (or the socket broke) mid-body: stop reading; the stream closes the file.
    if (body && !body.destroyed) body.destroy();
  };
  files.set(key, (file) => {
    files.delete(key);
    if (settled || claimed || res.headersSent || res.destroyed) return false;
    claimed = file;
    return true;
  });
  req.headers[NODE_FILE_HEADER] = key;
  res.once("close", release);

  // Next's compression wrapper writes the head (through writeHead) before it passes end() on: the promised
  // length goes in then, and only for the status the route answered. A route that claimed answers with
  // no body of its own (lib/files/serve-file.ts), so a head written for that status is the file's.
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    res.writeHead = writeHead;
    if (claimed && statusCode === claimed.status) this.setHeader("Content-Length", claimed.end - claimed.start + 1);
    else release();
    return writeHead.call(this, statusCode, ...rest);
  };
  const end = res.end;
  res.end = function (chunk, ...rest) {
    res.end = end;
    const file = claimed;
    if (
      !file ||
      (chunk !== undefined && chunk !== null && typeof chunk !== "function") ||
      this.statusCode !== file.status
    ) {
      release();
      return end.call(this, chunk, ...rest);
    }
    // Without Next's compression wrapper nothing wrote the head yet: write it now, with the length.
    if (!this.headersSent) this.writeHead(this.statusCode);
    claimed = null;
    settled = true;
    files.delete(key);
    body = send(file, res, readBytes);
    return this;
  };
}

/**
 * Sends bytes [start, end] of the file into `res` and ends it: the read stream reads the next
 * `readBytes` while the socket takes the last ones, and pauses while the socket is full. The stream
 * closes the file when done and on error; the caller destroys it when `res` closes early. (No
 * stream.pipeline: its listeners on `res`, beside Next's, trip Node's MaxListeners warning.)
 * @param {NodeFile} file
 * @param {import("node:http").ServerResponse} res
 * @param {number} readBytes
 * @returns {fs.ReadStream}
 */
function send(file, res, readBytes) {
  const length = file.end - file.start + 1;
  const body = fs.createReadStream("", {
    fd: file.handle,
    start: file.start,
    end: file.end,
    highWaterMark: readBytes,
    autoClose: true,
  });
  const resume = () => body.resume();
  res.on("drain", resume);
  body.on("data", (chunk) => {
    if (!res.write(chunk)) body.pause();
  });
  body.once("end", () => {
    res.off("drain", resume);
    // The file shrank under us: break the connection, so the client sees an error (a response
    // ended normally but short of its Content-Length would leave it waiting).
    if (body.bytesRead < length) res.destroy(new Error("The file ended before the bytes promised were sent."));
    else res.end();
  });
  body.once("error", (error) => {
    res.off("drain", resume);
    res.destroy(error);
  });
  return body;
}
