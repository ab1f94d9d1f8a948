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

/**
 * Bytes [start, end] of the open file, the body of a response of `status`. For a HEAD, and only then, no
 * file (null): the server writes the length of those bytes into the head and sends no body.
 */
export type NodeFile = { handle: FileHandle | null; start: number; end: number; status: number };
export type NodeFileClaim = (file: NodeFile) => boolean;

/**
 * The claim on this request's own Node response, for a GET or HEAD of a download route that reached
 * the app through scripts/server.mjs: given an open file and a byte range, the server sends those
 * bytes to the socket with Node streams once Next has written the route's status and headers, instead
 * of Next pumping a web stream; given a HEAD's range and no file, it writes that Content-Length (which
 * Next drops from a route's Response) and no body. The server refuses a GET's claim without a file and
 * a HEAD's with one. Null otherwise (`next start`, tests, an unknown key): the caller answers with a
 * web stream body as usual (a HEAD then goes without Content-Length).
 * Rule: only the server sets the key (a client's copy is deleted; keys are random, 128 bits) and a
 * key is handed out once, so a route can only ever fill its own response, and only with a file it
 * opened itself after its own checks (a HEAD's route: only with the length of its own head).
 */
export function takeNodeFileClaim(request: Request): NodeFileClaim | null {
  return takeHandedOver<NodeFileClaim>(request, NODE_FILE_HEADER, NODE_FILES) ?? null;
}
