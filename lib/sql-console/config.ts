import { numberSetting } from "@/lib/config/number-settings";
/** SQL console settings from the environment, read on every call so tests and benchmarks can change them. */
export function sqlConsoleConfig() {
  return {
    /** a console query running longer than this is interrupted */
    timeoutMs: numberSetting("SQL_CONSOLE_TIMEOUT_MS"),
    /** DuckDB memory for one console query (DuckDB syntax, e.g. "512MB"); larger sorts and joins spill to disk */
    memoryLimit: process.env.SQL_CONSOLE_MEMORY_LIMIT?.trim() || "1GB",
    /** the most result rows a query is read to (pages go up to here; beyond it the total says "more than") */
    maxResultRows: numberSetting("SQL_CONSOLE_MAX_RESULT_ROWS"),
    /** the most rows a CSV or Parquet download of a result holds */
    maxExportRows: numberSetting("SQL_CONSOLE_MAX_EXPORT_ROWS"),
    /** the longest SQL text accepted, in characters */
    maxSqlChars: numberSetting("SQL_CONSOLE_MAX_SQL_CHARS"),
    /** the most datasets one query may name */
    maxDatasets: numberSetting("SQL_CONSOLE_MAX_DATASETS"),
  };
}
