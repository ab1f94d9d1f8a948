import type { FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";

/** Chunks that arrive while a write is on its way go to disk together, in one call of at least this size. */
export const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

/** Writes `pieces` at `position` (all of them: a short write continues), reporting each part once it is on disk. */
async function writeAt(
  file: FileHandle,
  pieces: Buffer[],
  position: number,
  onWritten: (part: Buffer) => void,
): Promise<void> {
  let rest = pieces;
  while (rest.length > 0) {
    const { bytesWritten } = await file.writev(rest, position);
    if (bytesWritten === 0) throw Object.assign(new Error("The disk accepted no bytes."), { code: "EIO" });
    position += bytesWritten;
    let left = bytesWritten;
    const next: Buffer[] = [];
    for (const piece of rest) {
      if (left >= piece.length) {
        onWritten(piece);
        left -= piece.length;
      } else {
        if (left > 0) onWritten(piece.subarray(0, left));
        next.push(piece.subarray(left));
        left = 0;
      }
    }
    rest = next;
  }
}

/** A body's chunks one at a time, from a web stream or a Node stream alike, without adapters between. */
type ChunkSource = { read(): Promise<IteratorResult<Uint8Array>>; release(): void };

function chunksOf(body: ReadableStream<Uint8Array> | Readable): ChunkSource {
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    return {
      read: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
      release: () => {
        try {
          reader.releaseLock(); // a read still pending (stopped) is rejected; nothing waits for it
        } catch {
          // A runtime that refuses to release a reader with a pending read: the body is left as is.
        }
      },
    };
  }
  // Not returned at the end: returning would destroy the request (and with it the answer's socket).
  const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  return { read: () => iterator.next(), release: () => {} };
}

/**
 * How reading a body ended: all of it arrived, the caller's signal stopped it, it was larger
 * than allowed, or the client's connection dropped. In every case what arrived before is on disk.
 */
export type BodyEnd = "complete" | "stopped" | "too-large" | "dropped";

export type WriteBodyOptions = {
  /** the most bytes the body may have; the chunk that goes beyond is not written */
  maxBytes?: number;
  /** stops reading (what arrived is kept) */
  signal?: AbortSignal;
  /** each piece once it is on disk, in order */
  onWritten?: (piece: Buffer) => void;
  /**
   * resolve only once every written byte is durable (fdatasync), also when the body ended early,
   * so a caller may acknowledge them; batches already written are synced while the next arrive
   */
  durable?: boolean;
};

/**
 * Writes a request body into `file` from `position`, straight from the web stream the route
 * handler gets or the socket's Node stream (see takeNodeBody): no adapters per chunk, the chunks
 * gathered into writes of at least WRITE_BATCH_BYTES (one system call each), the next batch
 * arriving while one is written.
 * Without `durable` nothing is synced: callers that must survive a crash work out what reached
 * the disk from the file itself. With it, the bytes written so far are flushed in the background
 * (one fdatasync at a time, beside the next batch's write), so the final sync before resolving
 * only has the last batch left to flush. Rejects only when writing or syncing fails (a full
 * disk: ENOSPC, which a filesystem with delayed allocation may report only when syncing; EIO),
 * once no write or sync of its own is still running; a failed sync is never followed by a
 * resolve, even when a later sync succeeds (Linux may mark the failed pages clean).
 */
export async function writeBody(
  body: ReadableStream<Uint8Array> | Readable | null,
  file: FileHandle,
  position: number,
  { maxBytes = Number.POSITIVE_INFINITY, signal, onWritten = () => {}, durable = false }: WriteBodyOptions = {},
): Promise<BodyEnd> {
  if (signal?.aborted) return "stopped";
  if (!body) return "complete";
  const reader = chunksOf(body);
  const stopped = new Promise<"stopped">((resolve) => {
    signal?.addEventListener("abort", () => resolve("stopped"), { once: true });
  });
  let received = 0;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  // The background sync of what earlier batches wrote; a failure is kept and thrown by the final sync.
  let syncing: Promise<void> | undefined;
  let syncError: unknown;
  let batchesWritten = 0;
  let batchesSynced = 0; // written before the last sync began, so durable once it ended
  const syncBehind = () => {
    batchesWritten++;
    if (!durable || syncing) return;
    const covers = batchesWritten;
    syncing = file
      .datasync()
      .then(() => void (batchesSynced = covers))
      .catch((error: unknown) => void (syncError ??= error))
      .finally(() => (syncing = undefined));
  };
  const flush = async () => {
    await writing;
    if (batchBytes === 0) return;
    writing = writeAt(file, batch, position, onWritten).then(syncBehind);
    writing.catch(() => {}); // awaited before the next batch or at the end, which then throws
    position += batchBytes;
    batch = [];
    batchBytes = 0;
  };
  let end: BodyEnd = "complete";
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array> | "stopped";
      try {
        next = await Promise.race([reader.read(), stopped]);
      } catch {
        end = "dropped";
        break;
      }
      if (next === "stopped") {
        end = "stopped";
        break;
      }
      if (next.done) break;
      const chunk = next.value;
      received += chunk.byteLength;
      if (received > maxBytes) {
        end = "too-large";
        break;
      }
      batch.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      batchBytes += chunk.byteLength;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    }
    await flush();
    await writing;
    if (durable && received > 0) {
      await syncing;
      if (syncError) throw syncError;
      if (batchesSynced < batchesWritten) await file.datasync();
    }
  } catch (error) {
    // Nothing of ours still runs on the file when the caller sees the failure (it may cut the file back).
    await syncing;
    throw error;
  } finally {
    reader.release();
  }
  return end;
}
