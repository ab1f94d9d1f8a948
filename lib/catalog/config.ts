import os from "node:os";
import path from "node:path";
import { dataDir } from "@/lib/storage";

const GiB = 1024 ** 3;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}".`);
  return value;
}

/** Catalog settings from the environment, read on every call so tests and the CLI can change them. */
export function catalogConfig() {
  return {
    /** the largest file accepted for a dataset upload */
    maxUploadBytes: positive("CATALOG_MAX_UPLOAD_BYTES", 2 * GiB),
    /** how long an uploaded file waits for its schema to be confirmed before it is deleted */
    ingestExpireMs: positive("CATALOG_INGEST_EXPIRE_HOURS", 24) * 3_600_000,
    /** DuckDB memory per open dataset (DuckDB syntax, e.g. "1GB"); larger sorts spill to disk */
    duckdbMemoryLimit: process.env.DUCKDB_MEMORY_LIMIT?.trim() || "1GB",
    duckdbThreads: positive("DUCKDB_THREADS", Math.max(1, Math.min(4, os.availableParallelism()))),
    /** dataset files kept open for queries at once (least recently used are closed first) */
    openDatasets: positive("CATALOG_OPEN_DATASETS", 8),
    /** a grid or export query running longer than this is interrupted */
    queryTimeoutMs: positive("CATALOG_QUERY_TIMEOUT_MS", 30_000),
  };
}

/** Scratch space for conversions, exports and DuckDB spill files (local disk even with a remote blob store). */
export function catalogTempDir(): string {
  return path.join(dataDir(), "tmp", "catalog");
}
