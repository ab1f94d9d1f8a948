import { AppError, invalid } from "@/lib/util/errors";
import { isDiskFull, isSpillLimit, storageFull } from "@/lib/catalog/duckdb/errors";
import type { GrantedDataset } from "./dataset-views";

/**
 * Turns DuckDB's error for a console query into one a user can act on. Rule: no server path
 * ever leaves: a dataset's file becomes its name, any other quoted absolute path a placeholder.
 * The query's own mistakes (syntax, unknown columns, bad casts) are 422 with DuckDB's text;
 * limits are named; internal errors stay the server's (a generic 500).
 */
export function consoleError(error: unknown, datasets: GrantedDataset[]): Error {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) return storageFull("running the query");
  if (isSpillLimit(error))
    return new AppError(
      "too_large",
      "This query needs more temporary space than the server allows. Add a filter or aggregate.",
    );
  const message = error instanceof Error ? error.message : String(error);
  if (/^(INTERNAL|FATAL) Error/i.test(message)) return error instanceof Error ? error : new Error(message);
  if (/^Out of Memory Error/i.test(message))
    return new AppError(
      "too_large",
      "This query needs more memory than the console allows (SQL_CONSOLE_MEMORY_LIMIT). Add a filter, aggregate, or join on fewer rows.",
    );
  let text = message;
  for (const d of datasets) text = text.replaceAll(d.parquetPath, d.name);
  text = text
    .replace(/(["'])\/[^"'\n]*\1/g, "(a server file)")
    .replace(/(^|[\s(=])\/(?:[\w.-]+\/)+[\w.-]*/g, "$1(a server file)");
  return invalid(text.trim());
}
