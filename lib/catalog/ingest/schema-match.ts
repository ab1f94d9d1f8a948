import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError, invalid } from "@/lib/util/errors";
import { isScalarType, typeFamily } from "../sql";
import type { Column } from "../types";

/** Column names and DuckDB types of whatever `relation` (a table function call) reads. */
export async function describeColumns(db: DuckDBConnection, relation: string): Promise<Column[]> {
  const result = await db.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return result.getRowsJson().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * Why an appended file cannot join the dataset, or null when it can: every column of the
 * dataset present (in any order), no others, and each either of the same type or convertible
 * to the dataset's plain scalar type (values are checked during the conversion). A decimal
 * column never silently rounds into an integer one.
 */
export function schemaMismatch(dataset: Column[], file: Column[], typedReader: boolean): AppError | null {
  const fileTypes = new Map(file.map((c) => [c.name, c.type]));
  const datasetNames = new Set(dataset.map((c) => c.name));
  const missing = dataset.filter((c) => !fileTypes.has(c.name)).map((c) => c.name);
  const extra = file.filter((c) => !datasetNames.has(c.name)).map((c) => c.name);
  const incompatible: string[] = [];
  for (const column of dataset) {
    const fileType = fileTypes.get(column.name);
    if (fileType === undefined || fileType === column.type) continue;
    const convertible =
      isScalarType(column.type) &&
      (typedReader || !(typeFamily(fileType) === "decimal" && typeFamily(column.type) === "integer"));
    if (!convertible)
      incompatible.push(`"${column.name}" is ${column.type} in the dataset but ${fileType} in the file`);
  }
  if (missing.length === 0 && extra.length === 0 && incompatible.length === 0) return null;
  const parts: string[] = [];
  if (missing.length) parts.push(`missing ${missing.length === 1 ? "column" : "columns"} ${list(missing)}`);
  if (extra.length) parts.push(`${extra.length === 1 ? "column" : "columns"} not in the dataset ${list(extra)}`);
  if (incompatible.length) parts.push(incompatible.join("; "));
  const hint = missing.some((m) => extra.some((e) => e.toLowerCase() === m.toLowerCase()))
    ? " Column names are case-sensitive."
    : "";
  return invalid(
    `The file's columns do not match the dataset: ${parts.join("; ")}. To change the columns, replace the dataset instead of appending.${hint}`,
    {
      ...(missing.length ? { missing: missing.join(", ") } : {}),
      ...(extra.length ? { unexpected: extra.join(", ") } : {}),
    },
  );
}
