import type { IncomingMessage } from "node:http";
import { takeHandedOver } from "@/lib/http/handover-registry";

/**
 * The header through which the app's own HTTP server (scripts/server.mjs) names the Node request
 * stream of an upload's bytes it handed over (NODE_BODIES): a tus PATCH, a multipart part. The server deletes any copy a client sends.
 * Must equal NODE_BODY_HEADER in scripts/node-body-handover.mjs.
 */
export const NODE_BODY_HEADER = "x-datashelf-node-body";

/** The registry scripts/server.mjs fills: a random key per request, its IncomingMessage. */
const NODE_BODIES = Symbol.for("datashelf.nodeBodies");

/**
 * The request's body as the Node stream the socket delivers, for a tus PATCH or a multipart part
 * that reached the app through scripts/server.mjs, so its bytes go straight to disk instead of through
 * Next's adapter (an async iterator wrapped in a web stream that copies every chunk). Null
 * otherwise (`next start`, tests, a body something already read): the caller uses the web body.
 * Rule: only the server sets the key (a client's copy is deleted; keys are random, 128 bits) and
 * each key is handed out once, so a request can only ever get its own body.
 */
export function takeNodeBody(request: Request): IncomingMessage | null {
  const body = takeHandedOver<IncomingMessage>(request, NODE_BODY_HEADER, NODE_BODIES);
  // Whatever has been read from it went elsewhere: only an untouched stream holds the whole body.
  // A flowing one (resumed, piped) is being read by someone else even if no chunk has come yet.
  if (!body || body.readableDidRead || body.readableFlowing === true || body.readableEnded || body.destroyed)
    return null;
  return body;
}
