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
    /** DuckDB connections pooled per open dataset file; more concurrent queries on one file wait for one */
    datasetConnections: positive("CATALOG_DATASET_CONNECTIONS", 4),
    /** a grid or export query running longer than this is interrupted */
    queryTimeoutMs: positive("CATALOG_QUERY_TIMEOUT_MS", 30_000),
    /** the most rows a dataset (every version, after an append) may have */
    maxRows: positive("CATALOG_MAX_ROWS", 50_000_000),
    /** the most bytes a dataset's values may take uncompressed (as its Parquet file reports them) */
    maxExpandedBytes: positive("CATALOG_MAX_EXPANDED_BYTES", 16 * GiB),
    /** how deep values may nest (lists, objects): a column's type and every JSON record or body */
    maxNesting: positive("CATALOG_MAX_NESTING", 16),
    /** the largest temporary file one export (CSV, JSON Lines, filtered Parquet) may write */
    maxExportBytes: positive("CATALOG_MAX_EXPORT_BYTES", 4 * GiB),
    /** DuckDB spill files per conversion, query or export (large sorts); beyond it the work stops */
    maxSpillBytes: positive("CATALOG_MAX_SPILL_BYTES", 4 * GiB),
    /** exports one user may have running at once, on all instances together */
    exportsPerUser: positive("CATALOG_EXPORTS_PER_USER", 2),
    /** how long an upload waits for another one to the same dataset to finish before giving up (409) */
    writeWaitMs: positive("CATALOG_WRITE_WAIT_MS", 300_000),
    /** exports one access link may have running at once, on all instances together */
    exportsPerLink: positive("CATALOG_EXPORTS_PER_LINK", 4),
  };
}

/** Scratch space for conversions, exports and DuckDB spill files (local disk even with a remote blob store). */
export function catalogTempDir(): string {
  return path.join(dataDir(), "tmp", "catalog");
}
