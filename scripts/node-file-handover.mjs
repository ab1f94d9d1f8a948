// The app's HTTP server (scripts/server.mjs) lets a file download's route hand the bytes of the file to
// it (lib/files/node-file.ts makes the claim): the route checks access, conditions and ranges and sets
// every header as before; then, instead of a web stream Next pumps into the socket chunk by chunk (one
// read of the disk at a time, waiting for the socket to drain before the next read starts), this server
// streams the open file to the socket with plain Node streams, the next read overlapping the write.
// A HEAD of a download claims its response too, with no file: the server only writes the Content-Length a
// GET would get (Next drops the route's), and no body.
// Kept apart from the server so tests can drive the hand-over as the server does.
import { handoverRegistry, issueHandoverKey } from "./handover-key.mjs";

// Must equal NODE_FILE_HEADER and the registry's symbol in lib/files/node-file.ts.
export const NODE_FILE_HEADER = "x-datashelf-node-file";
const NODE_FILES = Symbol.for("datashelf.nodeFiles");
// The paths of the two download routes (app/api/v1/files/[fileId]/content, app/api/files/[id]/download).
const DOWNLOAD_PATH = /^\/api\/(v1\/files\/[^/?#]+\/content|files\/[^/?#]+\/download)\/?(\?|$)/;
/** Bytes per read of the file, and of each of the two buffers a download reuses (one read ahead of the socket). */
export const READ_BYTES = 1024 * 1024;

/**
 * The registry lib/files/node-file.ts reads: a random key per request, the function that claims the
 * response for a file (or, for a HEAD, for the length only).
 * @returns {Map<string, (file: NodeFile) => boolean>}
 */
export function nodeFiles() {
  return handoverRegistry(NODE_FILES);
}

/**
 * @typedef {{ handle: import("node:fs/promises").FileHandle | null, start: number, end: number, status: number }} NodeFile
 * Bytes [start, end] of the open file, the body of a response of `status` (200 or 206). The handle is
 * null for a HEAD, and only for a HEAD: its head promises those bytes' length, no body is sent.
 */

/**
 * Prepares `req` and `res` for the app before Next sees them.
 * Rule: the NODE_FILE_HEADER the app reads is only ever the server's own. Whatever a client sent under
 * that name is deleted, for every request; a GET or HEAD of a download route then gets a fresh random
 * 128-bit key naming a claim on its own response, removed when it is used or the response closes. The
 * claim carries no path: a GET's route passes the file it opened after its checks; a HEAD's passes no
 * file (a claim with one is refused, as a GET's without one is), so it only sets the length of its own
 * head. A client can therefore never make this server send a file, only the route can, and only into
 * the response of its own request.
 *
 * What the route's Response sets is kept: Next copies its status and headers onto `res` as always
 * (with next.config.js's headers) and then ends `res` without a body; at that moment this server
 * sends the claimed bytes instead, with the Content-Length the route promised (Next itself drops a
 * route's Content-Length and sends web-stream bodies chunked); for a HEAD, that Content-Length and
 * nothing after the head. Anything else Next ends the response with (an error page, another status, a
 * body) is sent as it is and the file is closed unread. A client going away, a read error and a file
 * shorter than promised close the file and the socket.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ readBytes?: number }} [options]
 */
export function handOverNodeFile(req, res, { readBytes = READ_BYTES } = {}) {
  const head = req.method === "HEAD";
  const key = issueHandoverKey(
    req,
    NODE_FILE_HEADER,
    (head || req.method === "GET") && DOWNLOAD_PATH.test(req.url ?? ""),
  );
  if (!key) return;
  const files = nodeFiles();
  /** @type {NodeFile | null} */
  let claimed = null;
  let settled = false;
  /** Tells a running send() that the response closed (the client went away, or it ended). */
  const sending = { closed: false, onClose: () => {} };
  const release = () => {
    const file = claimed;
    claimed = null;
    settled = true;
    files.delete(key);
    if (file?.handle) void file.handle.close().catch(() => {});
    sending.closed = true;
    sending.onClose();
  };
  files.set(key, (file) => {
    files.delete(key);
    if (settled || claimed || res.headersSent || res.destroyed || head !== (file.handle === null)) return false;
    claimed = file;
    return true;
  });
  res.once("close", release);

  // Next's compression wrapper writes the head (through writeHead) before it passes end() on: the promised
  // length goes in then, and only for the status the route answered. A route that claimed answers with
  // no body of its own (lib/files/serve-file.ts), so a head written for that status is the file's (for a
  // HEAD, the one a GET would get).
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
    // A HEAD's claim had only the length to give: the head is written, the response ends without a body.
    if (!file.handle) {
      release();
      return end.call(this, chunk, ...rest);
    }
    claimed = null;
    settled = true;
    files.delete(key);
    void send(file, res, readBytes, sending);
    return this;
  };
}

/**
 * Sends bytes [start, end] of the open file into `res` and ends it, through two buffers of `readBytes`
 * reused for the whole file: the next read goes into one while the socket takes the other, and a
 * buffer is read into again only once the socket has taken it (the write's callback). So the disk
 * read overlaps the socket write, at most two buffers per download are in flight whatever the
 * client's speed, and nothing is allocated per chunk (a read stream's fresh 1 MiB buffer per chunk
 * let eight parallel downloads grow the server's RSS by 67 MiB before the collector caught up); the
 * buffers come from a small pool shared by all downloads.
 * The file is closed when done, on error and when the client goes away (`res` closes: the loop
 * stops at its next step); a file shorter than promised breaks the connection, so the client sees
 * an error instead of waiting for bytes that never come.
 * @param {NodeFile} file
 * @param {import("node:http").ServerResponse} res
 * @param {number} readBytes
 * @param {{ closed: boolean, onClose: () => void }} sending
 */
async function send(file, res, readBytes, sending) {
  const { handle, end } = file;
  // No listener of its own on `res` (Next has many; one more trips Node's MaxListeners warning).
  const gone = new Promise((resolve) => (sending.onClose = () => resolve(undefined)));
  const buffers = [takeBuffer(readBytes), takeBuffer(readBytes)];
  /** @type {Promise<unknown>[]} the socket has taken buffers[i] (or the response closed) */
  const taken = [Promise.resolve(), Promise.resolve()];
  /** whether buffers[i] is free again: not in a write the socket has not finished (it may still read it) */
  const free = [true, true];
  /** @type {Error | null | undefined} */
  let failure = null;
  try {
    let position = file.start;
    for (let i = 0; position <= end; i ^= 1) {
      await taken[i];
      if (failure) throw failure;
      if (sending.closed) return;
      const buffer = /** @type {Buffer} */ (buffers[i]);
      const { bytesRead } = await handle.read(buffer, 0, Math.min(readBytes, end + 1 - position), position);
      if (sending.closed) return;
      if (bytesRead === 0) throw new Error("The file ended before the bytes promised were sent.");
      position += bytesRead;
      // Never rejects (the loop may be gone by then): a failed write is kept and thrown at the next step.
      const slot = i;
      free[slot] = false;
      const written = new Promise((resolve) =>
        res.write(buffer.subarray(0, bytesRead), (error) => {
          if (error) failure ??= error;
          free[slot] = true;
          resolve(undefined);
        }),
      );
      taken[i] = Promise.race([written, gone]);
    }
    await Promise.all(taken);
    if (failure) throw failure;
    if (!sending.closed) res.end();
  } catch (error) {
    res.destroy(/** @type {Error} */ (error));
  } finally {
    await handle.close().catch(() => {});
    buffers.forEach((buffer, i) => free[i] && giveBuffer(buffer));
  }
}

/**
 * Idle read buffers, reused by the next downloads: a buffer allocated per download is freed only when
 * the collector runs, so rounds of 8 parallel downloads grew the server's RSS by 2 MiB each (48 MiB
 * after three rounds). At most POOLED stay idle.
 * @type {Buffer[]}
 */
const pool = [];
const POOLED = 16;
/** @param {number} size */
const takeBuffer = (size) => (size === READ_BYTES && pool.pop()) || Buffer.allocUnsafeSlow(size);
/** @param {Buffer} buffer */
const giveBuffer = (buffer) => {
  if (buffer.length === READ_BYTES && pool.length < POOLED) pool.push(buffer);
};
