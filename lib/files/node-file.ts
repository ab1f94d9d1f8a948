import "server-only";
import type { FileHandle } from "node:fs/promises";
import { takeHandedOver } from "@/lib/http/handover-registry";

/**
 * The header through which the app's own HTTP server (scripts/server.mjs) names the claim on a
 * download's Node response (scripts/node-file-handover.mjs). The server deletes any copy a client
 * sends. Must equal NODE_FILE_HEADER in scripts/node-file-handover.mjs.
 */
export const NODE_FILE_HEADER = "x-datashelf-node-file";

/** The registry scripts/server.mjs fills: a random key per request, the claim on its response. */
const NODE_FILES = Symbol.for("datashelf.nodeFiles");

/** Bytes [start, end] of the open file, the body of a response of `status`. */
export type NodeFile = { handle: FileHandle; start: number; end: number; status: number };
export type NodeFileClaim = (file: NodeFile) => boolean;

/**
 * The claim on this request's own Node response, for a GET of a download route that reached the
 * app through scripts/server.mjs: given an open file and a byte range, the server sends those bytes
 * to the socket with Node streams once Next has written the route's status and headers, instead of
 * Next pumping a web stream. Null otherwise (`next start`, tests, an unknown key): the caller
 * answers with a web stream body as usual.
 * Rule: only the server sets the key (a client's copy is deleted; keys are random, 128 bits) and a
 * key is handed out once, so a route can only ever fill its own response, and only with a file it
 * opened itself after its own checks.
 */
export function takeNodeFileClaim(request: Request): NodeFileClaim | null {
  return takeHandedOver<NodeFileClaim>(request, NODE_FILE_HEADER, NODE_FILES) ?? null;
}
