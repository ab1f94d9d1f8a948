/**
 * The most bytes of JSON a grid page is sent uncompressed with: well inside TCP's initial congestion window (ten
 * segments, about 14 KB), so compressing it would not save a round trip on any link, while on every request it costs
 * the server a gzip stream (two trips through libuv's thread pool: the flush and the end, plus the CPU) and the
 * browser the gunzip.
 */
export const UNCOMPRESSED_MAX_BYTES = 12 * 1024;

/**
 * A grid page as JSON, never cached by anyone (`private, no-store`, as noStoreJson), with `no-transform` when it is
 * at most UNCOMPRESSED_MAX_BYTES: the server's response compression (Next's `compress`) then leaves it as it is.
 * Larger pages (wide rows, long text) are compressed as before.
 */
export function pageJson(data: unknown): Response {
  const body = JSON.stringify(data);
  const small = Buffer.byteLength(body) <= UNCOMPRESSED_MAX_BYTES;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": small ? "private, no-store, no-transform" : "private, no-store",
    },
  });
}
