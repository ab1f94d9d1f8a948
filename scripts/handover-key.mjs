// What the app's HTTP server's hand-overs share (node-body-handover.mjs, node-file-handover.mjs): each
// gives a request a random key in a header of its own, naming what it handed over in a registry on
// globalThis that the app reads (lib/http/handover-registry.ts takes from it).
import { randomBytes } from "node:crypto";

/**
 * The registry at `globalThis[symbol]`, made on first use: a random key per request, what was handed over.
 * @param {symbol} symbol
 */
export function handoverRegistry(symbol) {
  return (globalThis[symbol] ??= new Map());
}

/**
 * Deletes whatever a client sent under `header`, for every request; then, when `handOver`, sets the
 * header to a fresh random 128-bit key and returns it, for the caller to register its hand-over under.
 * Rule: the header the app reads is only ever the server's own, so a client can never name another
 * request's hand-over, even knowing a live key.
 * @param {import("node:http").IncomingMessage} req
 * @param {string} header
 * @param {boolean} handOver
 * @returns {string | null} the key, or null when nothing is handed over
 */
export function issueHandoverKey(req, header, handOver) {
  delete req.headers[header];
  if (!handOver) return null;
  const key = randomBytes(16).toString("hex");
  req.headers[header] = key;
  return key;
}
