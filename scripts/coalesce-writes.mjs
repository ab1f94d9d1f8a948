// What a response writes within one turn of the event loop leaves in one write to the socket (scripts/server.mjs).
// Next flushes a route's head on its own, then each body chunk in HTTP/1.1 chunked framing, then the closing
// chunk: a 4 KB JSON answer left in three or four writes, each its own TCP segment (the socket has Nagle's
// algorithm off). Under load every segment is a packet for both kernels to handle and to acknowledge; on a
// saturated 2-core machine the delayed acknowledgements of such bursts set off loss probes and retransmissions
// (nstat: TcpRetransSegs during a benchmark run), which is where the API's slowest requests lost their time.

/**
 * Rule: once the head of `res` is written, the socket is corked until the end of the current turn of the
 * event loop, so the head, a body that is ready at once and the closing chunk go out together; what a
 * response writes in later turns (a streamed page, an export, a download) is sent as it comes. Nothing is
 * held longer than the turn, nothing is reordered, and a closed socket is left alone.
 * @param {import("node:http").ServerResponse} res
 */
export function coalesceResponseWrites(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    res.writeHead = writeHead;
    const socket = res.socket;
    if (socket && !socket.destroyed) {
      socket.cork();
      setImmediate(() => socket.uncork());
    }
    return writeHead.apply(this, args);
  };
}
