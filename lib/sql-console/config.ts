function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}".`);
  return value;
}

/** SQL console settings from the environment, read on every call so tests and benchmarks can change them. */
export function sqlConsoleConfig() {
  return {
    /** a console query running longer than this is interrupted */
    timeoutMs: positive("SQL_CONSOLE_TIMEOUT_MS", 30_000),
    /** DuckDB memory for one console query (DuckDB syntax, e.g. "512MB"); larger sorts and joins spill to disk */
    memoryLimit: process.env.SQL_CONSOLE_MEMORY_LIMIT?.trim() || "1GB",
    /** the most result rows a query is read to (pages go up to here; beyond it the total says "more than") */
    maxResultRows: positive("SQL_CONSOLE_MAX_RESULT_ROWS", 100_000),
    /** the most rows a CSV or Parquet download of a result holds */
    maxExportRows: positive("SQL_CONSOLE_MAX_EXPORT_ROWS", 5_000_000),
    /** the longest SQL text accepted, in characters */
    maxSqlChars: positive("SQL_CONSOLE_MAX_SQL_CHARS", 20_000),
    /** the most datasets one query may name */
    maxDatasets: positive("SQL_CONSOLE_MAX_DATASETS", 8),
  };
}
