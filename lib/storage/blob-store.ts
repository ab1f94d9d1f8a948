import type { Readable } from "node:stream";

export type BlobStat = { size: number; modifiedAt: Date };
export type ByteRange = { start: number; end: number }; // inclusive, like HTTP Range

/**
 * Where file contents and dataset Parquet files live. Streams in, streams out: no method takes
 * or returns a whole blob in memory, so a backend can be a local folder or an S3 bucket.
 * Keys are opaque paths chosen by the services (e.g. "files/<id>", "datasets/<id>/v3.parquet").
 */
export interface BlobStore {
  readonly kind: "local" | "s3";
  /** Writes a blob from a stream; visible under `key` only once complete. */
  put(key: string, body: Readable): Promise<BlobStat>;
  /** Moves a finished local file (e.g. a completed tus upload) into the store under `key`. */
  putFile(key: string, localPath: string, options?: { move?: boolean }): Promise<BlobStat>;
  /** Reads a blob, or the inclusive byte range of it. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<BlobStat | null>;
  delete(key: string): Promise<void>;
  /** Every blob (key and last change), for the orphan sweep; temporary files of unfinished writes are not blobs. */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
  /** Deletes temporary files of writes a crash cut short, older than `before`; returns how many. */
  removeStaleTemporary(before: Date): Promise<number>;
  /** A local filesystem path to read the blob from (DuckDB reads Parquet from disk); for remote stores a cached copy. */
  localPath(key: string): Promise<string>;
  /**
   * The path localPath(key) gives, without fetching anything (the file may not exist): for
   * closing handles opened on that path before the blob is deleted. On S3, localPath would
   * download the object first.
   */
  localPathOf(key: string): string;
}
