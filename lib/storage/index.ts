import path from "node:path";
import type { BlobStore } from "./blob-store";
import { LocalBlobStore } from "./local-store";
import { s3ConfigFromEnv } from "./s3-config";
import { S3BlobStore } from "./s3-store";

export type { BlobStat, BlobStore, ByteRange } from "./blob-store";

/** The data directory: SQLite file, blobs, upload staging. */
export function dataDir(): string {
  // Chosen at run time, not a bundled asset: keep the bundler from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "data");
}

/**
 * The configured blob store: STORAGE_URL `file:<dir>` (default `<DATA_DIR>/blobs`), or
 * `s3://bucket/prefix` with the S3_* variables (see s3-config.ts and docs/scale.md).
 */
export function createBlobStore(
  url = process.env.STORAGE_URL,
  env: Record<string, string | undefined> = process.env,
): BlobStore {
  if (!url || url.startsWith("file:")) {
    return new LocalBlobStore(url ? path.resolve(url.slice("file:".length)) : path.join(dataDir(), "blobs"));
  }
  if (url.startsWith("s3:")) return new S3BlobStore(s3ConfigFromEnv(url, dataDir(), env));
  throw new Error(`STORAGE_URL "${url.split(":")[0]}:…" is not supported; use file:<directory> or s3://bucket/prefix.`);
}

const globalForStore = globalThis as unknown as { datashelfBlobStore?: BlobStore };

export function getBlobStore(): BlobStore {
  globalForStore.datashelfBlobStore ??= createBlobStore();
  return globalForStore.datashelfBlobStore;
}

export function setBlobStore(store: BlobStore | undefined): void {
  globalForStore.datashelfBlobStore = store;
}
