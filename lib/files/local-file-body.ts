import "server-only";
import fsp from "node:fs/promises";

/**
 * Bytes read per chunk: big enough that the per-chunk cost of the web stream Next writes to the
 * socket through stays small, small enough that eight parallel downloads hold a few MiB in
 * total. Of 64 KiB, 1 MiB and 4 MiB reads (and Readable.toWeb over an fs.ReadStream), 1 MiB
 * was best or equal in a loaded-machine comparison (docs/performance.md).
 */
const CHUNK_BYTES = 1024 * 1024;

/**
 * A response body reading bytes [start, end] of a local file straight into the chunks Next
 * writes to the socket: a byte stream over a file handle, with no Node stream and no
 * `Readable.toWeb` adapter in between. The file is opened before the response starts, so a
 * missing blob fails the request instead of cutting off its body; the handle is closed at the
 * end, on error and when the client goes away (Next cancels the stream).
 */
export async function localFileBody(file: string, start: number, end: number): Promise<ReadableStream<Uint8Array>> {
  const handle = await fsp.open(file, "r");
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => {});
  };
  return new ReadableStream({
    type: "bytes",
    autoAllocateChunkSize: CHUNK_BYTES,
    async pull(controller) {
      const request = controller.byobRequest!;
      const view = request.view!;
      const into = new Uint8Array(view.buffer, view.byteOffset, Math.min(view.byteLength, end + 1 - position));
      try {
        const { bytesRead } = await handle.read(into, 0, into.length, position);
        // The blob shrank under us: end the body short (the client sees fewer bytes than Content-Length).
        if (bytesRead === 0) throw new Error("The file ended before the bytes promised were sent.");
        position += bytesRead;
        request.respond(bytesRead);
      } catch (error) {
        await close();
        controller.error(error);
        return;
      }
      if (position > end) {
        await close();
        controller.close();
      }
    },
    cancel: close,
  });
}
