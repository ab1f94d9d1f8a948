import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError, invalid } from "@/lib/util/errors";
import { appendChanges } from "./append-diff";
import type { Column } from "../types";

/** Column names and DuckDB types of whatever `relation` (a table function call) reads. */
export async function describeColumns(db: DuckDBConnection, relation: string): Promise<Column[]> {
  const result = await db.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return result.getRowsJson().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * Why an appended file cannot join the dataset, or null when it can (the rule is appendChanges'):
 * the message names the missing, unexpected and incompatible columns.
 */
export function schemaMismatch(dataset: Column[], file: Column[], typedReader: boolean): AppError | null {
  const blocking = appendChanges(dataset, file, typedReader).filter((c) => c.blocks);
  if (blocking.length === 0) return null;
  const missing = blocking.filter((c) => c.change === "missing").map((c) => c.name);
  const extra = blocking.filter((c) => c.change === "added").map((c) => c.name);
  const incompatible = blocking
    .filter((c) => c.change === "type")
    .map((c) => `"${c.name}" is ${c.datasetType} in the dataset but ${c.fileType} in the file`);
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
