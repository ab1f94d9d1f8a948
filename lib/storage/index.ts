import path from "node:path";
import type { BlobStore } from "./blob-store";
import { LocalBlobStore } from "./local-store";

export type { BlobStat, BlobStore, ByteRange } from "./blob-store";

/** The data directory: SQLite file, blobs, upload staging. */
export function dataDir(): string {
  // Chosen at run time, not a bundled asset: keep the bundler from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "data");
}

/**
 * The configured blob store: STORAGE_URL `file:<dir>` (default `<DATA_DIR>/blobs`). An S3 backend
 * (`s3://bucket/prefix`) is part of the scale-out work.
 */
export function createBlobStore(url = process.env.STORAGE_URL): BlobStore {
  if (!url || url.startsWith("file:")) {
    return new LocalBlobStore(url ? path.resolve(url.slice("file:".length)) : path.join(dataDir(), "blobs"));
  }
  throw new Error(`STORAGE_URL "${url.split(":")[0]}:…" is not supported yet; use file:<directory>.`);
}

const globalForStore = globalThis as unknown as { datashelfBlobStore?: BlobStore };

export function getBlobStore(): BlobStore {
  globalForStore.datashelfBlobStore ??= createBlobStore();
  return globalForStore.datashelfBlobStore;
}

export function setBlobStore(store: BlobStore | undefined): void {
  globalForStore.datashelfBlobStore = store;
}
