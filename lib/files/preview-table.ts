import "server-only";
import { withSandbox } from "@/lib/catalog/duckdb/sandbox";
import { quoteLiteral } from "@/lib/catalog/sql";
import type { Actor } from "@/lib/access";
import { recordView } from "@/lib/insights/record-view";
import { getBlobStore } from "@/lib/storage";
import { invalid } from "@/lib/util/errors";
import type { TablePreview } from "./entry-types";
import { extensionOf } from "./file-types";
import { loadEntry } from "./load-entry";

export const TABLE_PREVIEW_ROWS = 100;

/** Cells as JSON: numbers that fit, everything else (big integers, dates, nested values) as text. */
function cell(value: unknown): unknown {
  if (value === null || typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The first rows of a CSV or Parquet file as a table, read by DuckDB in the catalog's sandbox
 * (an in-memory database that may read this one file and nothing else).
 */
export async function previewTable(actor: Actor, fileId: string): Promise<TablePreview> {
  const entry = await loadEntry(actor, fileId, "view", { kind: "file" });
  const ext = extensionOf(entry.name);
  if (ext !== "csv" && ext !== "parquet") throw invalid("Only CSV and Parquet files have a table preview.");
  await recordView(actor, "file", entry);
  if (Number(entry.size ?? 0) === 0) return { columns: [], rows: [], truncated: false };
  const path = await getBlobStore().localPath(entry.blobKey!);
  const reader =
    ext === "parquet" ? `read_parquet(${quoteLiteral(path)})` : `read_csv(${quoteLiteral(path)}, header = true)`;
  try {
    return await withSandbox({ readFiles: [path] }, async (connection) => {
      const result = await connection.runAndReadAll(`SELECT * FROM ${reader} LIMIT ${TABLE_PREVIEW_ROWS + 1}`);
      const names = result.columnNames();
      const types = result.columnTypes().map((t) => t.toString());
      const rows = result.getRowsJson().map((row) => row.map(cell));
      return {
        columns: names.map((name, i) => ({ name, type: types[i] ?? "" })),
        rows: rows.slice(0, TABLE_PREVIEW_ROWS),
        truncated: rows.length > TABLE_PREVIEW_ROWS,
      };
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .replaceAll(path, entry.name)
      .split("\n")[0];
    throw invalid(`This file could not be read as a table: ${message}`);
  }
}
