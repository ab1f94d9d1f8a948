import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError, invalid } from "@/lib/util/errors";
import { catalogConfig } from "../config";
import { quoteLiteral } from "../sql";
import { typeDepth } from "../type-depth";
import type { Column } from "../types";
import { formatBytes, plural } from "../units";

/**
 * Rule: a dataset never has more than CATALOG_MAX_ROWS rows, counting the rows it already has
 * when a file is appended (413). `added` is the file's row count.
 */
export function assertRowLimit(added: number, existing: number): void {
  const { maxRows } = catalogConfig();
  if (existing + added <= maxRows) return;
  const limit = `a dataset can have at most ${plural(maxRows, "row")}.`;
  if (existing === 0) throw new AppError("too_large", `The file has ${plural(added, "row")}; ${limit}`);
  throw new AppError(
    "too_large",
    `With these ${plural(added, "row")} the dataset would have ${plural(existing + added, "row")}; ${limit}`,
  );
}

/** Uncompressed bytes of a Parquet file's values, from its footer (no data is read). */
async function expandedBytes(db: DuckDBConnection, file: string): Promise<number> {
  const bytes = await db.runAndReadAll(
    `SELECT coalesce(sum(total_uncompressed_size), 0) FROM parquet_metadata(${quoteLiteral(file)})`,
  );
  return Number(bytes.getRowsJson()[0]![0]);
}

/** Rows and uncompressed bytes of a Parquet file, from its footer (no data is read). */
async function parquetSize(db: DuckDBConnection, file: string): Promise<{ rows: number; expandedBytes: number }> {
  const rows = await db.runAndReadAll(
    `SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(${quoteLiteral(file)})`,
  );
  return { rows: Number(rows.getRowsJson()[0]![0]), expandedBytes: await expandedBytes(db, file) };
}

/**
 * Rule: a dataset's values never take more than CATALOG_MAX_EXPANDED_BYTES uncompressed (413),
 * so a small, highly compressed file cannot become a huge dataset.
 */
function assertExpandedLimit(bytes: number, what: "file" | "dataset"): void {
  const { maxExpandedBytes } = catalogConfig();
  if (bytes <= maxExpandedBytes) return;
  const subject = what === "file" ? "The file's data is" : "With this file the dataset's data would be";
  throw new AppError(
    "too_large",
    `${subject} ${formatBytes(bytes)} uncompressed; a dataset can hold at most ${formatBytes(maxExpandedBytes)}.`,
  );
}

/** A Parquet upload's size as its footer states it, checked before a single row is converted. */
export async function assertParquetSourceWithinLimits(
  db: DuckDBConnection,
  file: string,
  existingRows: number,
): Promise<void> {
  const { rows, expandedBytes } = await parquetSize(db, file);
  assertRowLimit(rows, existingRows);
  assertExpandedLimit(expandedBytes, "file");
}

/**
 * The converted dataset file (every row of the new version) against the expanded-size limit; its uncompressed size
 * comes from the footer (no data is read). Its rows were checked from the count the conversion reported (assertRowLimit).
 */
export async function assertConvertedWithinLimits(
  db: DuckDBConnection,
  file: string,
  existingRows: number,
): Promise<void> {
  assertExpandedLimit(await expandedBytes(db, file), existingRows > 0 ? "dataset" : "file");
}

/**
 * Rule: no column's type nests more than CATALOG_MAX_NESTING levels (422): reading a deeply
 * nested column costs time exponential in its depth, so one such column would make every read
 * of the dataset run into the query timeout.
 */
export function assertNesting(columns: Column[]): void {
  const { maxNesting } = catalogConfig();
  const deep = columns.find((c) => typeDepth(c.type) > maxNesting);
  if (deep)
    throw invalid(
      `Column "${deep.name}" is nested more than ${maxNesting} levels deep; a dataset column can hold at most ${maxNesting} levels.`,
    );
}
