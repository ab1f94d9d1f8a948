import os from "node:os";
import path from "node:path";
import { numberSetting } from "@/lib/config/number-settings";
import { dataDir } from "@/lib/storage";

/** Catalog settings from the environment, read on every call so tests and the CLI can change them. */
export function catalogConfig() {
  return {
    /** the largest file accepted for a dataset upload */
    maxUploadBytes: numberSetting("CATALOG_MAX_UPLOAD_BYTES"),
    /** how long an uploaded file waits for its schema to be confirmed before it is deleted */
    ingestExpireMs: numberSetting("CATALOG_INGEST_EXPIRE_HOURS") * 3_600_000,
    /** DuckDB memory per open dataset (DuckDB syntax, e.g. "1GB"); larger sorts spill to disk */
    duckdbMemoryLimit: process.env.DUCKDB_MEMORY_LIMIT?.trim() || "1GB",
    duckdbThreads: numberSetting("DUCKDB_THREADS", Math.max(1, Math.min(4, os.availableParallelism()))),
    /** dataset files kept open for queries at once (least recently used are closed first) */
    openDatasets: numberSetting("CATALOG_OPEN_DATASETS"),
    /** DuckDB connections pooled per open dataset file; more concurrent queries on one file wait for one */
    datasetConnections: numberSetting("CATALOG_DATASET_CONNECTIONS"),
    /** a grid or export query running longer than this is interrupted */
    queryTimeoutMs: numberSetting("CATALOG_QUERY_TIMEOUT_MS"),
    /** the most rows a dataset (every version, after an append) may have */
    maxRows: numberSetting("CATALOG_MAX_ROWS"),
    /** the most bytes a dataset's values may take uncompressed (as its Parquet file reports them) */
    maxExpandedBytes: numberSetting("CATALOG_MAX_EXPANDED_BYTES"),
    /** how deep values may nest (lists, objects): a column's type and every JSON record or body */
    maxNesting: numberSetting("CATALOG_MAX_NESTING"),
    /** the largest temporary file one export (CSV, JSON Lines, filtered Parquet) may write */
    maxExportBytes: numberSetting("CATALOG_MAX_EXPORT_BYTES"),
    /** DuckDB spill files per conversion, query or export (large sorts); beyond it the work stops */
    maxSpillBytes: numberSetting("CATALOG_MAX_SPILL_BYTES"),
    /** exports one user may have running at once, on all instances together */
    exportsPerUser: numberSetting("CATALOG_EXPORTS_PER_USER"),
    /** how long an upload waits for another one to the same dataset to finish before giving up (409) */
    writeWaitMs: numberSetting("CATALOG_WRITE_WAIT_MS"),
    /** exports one access link may have running at once, on all instances together */
    exportsPerLink: numberSetting("CATALOG_EXPORTS_PER_LINK"),
  };
}

/** Scratch space for conversions, exports and DuckDB spill files (local disk even with a remote blob store). */
export function catalogTempDir(): string {
  return path.join(dataDir(), "tmp", "catalog");
}
