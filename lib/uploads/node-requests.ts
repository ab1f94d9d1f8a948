// Node request streams as the app's server receives them, for tests that drive its body hand-over
// (scripts/node-body-handover.mjs) in-process.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** A Node request carrying `bytes` in `chunk`-byte pieces, as the socket delivers them (header names lower-cased, as Node gives them). */
export function nodeRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  bytes: Buffer,
  chunk = 65536,
): IncomingMessage {
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
    bytes.subarray(i * chunk, (i + 1) * chunk),
  );
  const req = Readable.from(pieces, { objectMode: false }) as unknown as IncomingMessage;
  return Object.assign(req, {
    method,
    url,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  });
}
