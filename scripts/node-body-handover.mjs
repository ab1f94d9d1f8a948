// The app's HTTP server (scripts/server.mjs) hands the Node request stream of an upload's bytes (a tus
// PATCH, a REST multipart part) to the upload code (lib/uploads/node-body.ts takes it), because Next
// gives route handlers only a web stream that copies every chunk. Kept apart from the server so tests
// can drive the hand-over as the server does.
import { handoverRegistry, issueHandoverKey } from "./handover-key.mjs";

// Must equal NODE_BODY_HEADER and the registry's symbol in lib/uploads/node-body.ts.
export const NODE_BODY_HEADER = "x-datashelf-node-body";
const NODE_BODIES = Symbol.for("datashelf.nodeBodies");
// The paths tus PATCHes go to: what lib/uploads/tus-server.ts reads an upload id from.
const TUS_PATCH_PATH = /^\/api\/uploads\/[a-f0-9]{32}\/?(\?|$)/;
// The paths a REST multipart upload's parts go to (PUT or POST), as app/api/v1/upload/multipart routes them.
const MULTIPART_PART_PATH =
  /^\/api\/v1\/upload\/multipart\/[^/?#]+\/[^/?#]+\/[^/?#]+\/[a-f0-9]{32}\/parts\/\d+\/?(\?|$)/;

/** Whether `req` carries an upload's bytes that the upload code reads from the socket's stream. */
function carriesUploadBytes(req) {
  const url = req.url ?? "";
  if (req.method === "PATCH") return TUS_PATCH_PATH.test(url);
  if (req.method === "PUT" || req.method === "POST") return MULTIPART_PART_PATH.test(url);
  return false;
}

/** The registry lib/uploads/node-body.ts reads: a random key per request, its IncomingMessage. */
export function nodeBodies() {
  return handoverRegistry(NODE_BODIES);
}

/**
 * Prepares `req` for the app before Next sees it.
 * Rule: the NODE_BODY_HEADER the app reads is only ever the server's own. Whatever a client sent
 * under that name is deleted, for every request; a tus PATCH or a multipart part then gets a fresh
 * random 128-bit key naming its own stream, removed from the registry when the response closes. A
 * client can therefore never point the upload code at another request's body, even knowing a live key.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse | import("node:events").EventEmitter} res
 */
export function handOverNodeBody(req, res) {
  const key = issueHandoverKey(req, NODE_BODY_HEADER, carriesUploadBytes(req));
  if (!key) return;
  const bodies = nodeBodies();
  bodies.set(key, req);
  res.once("close", () => bodies.delete(key));
}
