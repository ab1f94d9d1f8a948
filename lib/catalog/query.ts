import "server-only";
import { z } from "zod";
import { type Actor, viewOnlyRowWindow } from "@/lib/access";
import { getBlobStore } from "@/lib/storage";
import { type DatasetRef, loadReadableVersion } from "./load-dataset";
import { type DatasetQuery, datasetQuerySchema } from "./query-schema";
import { decodeCursor, encodeCursor } from "./query-sql";
import { type QueryResult, runQuery } from "./run-query";
import { parseColumns } from "./types";

export const versionNumberSchema = z.coerce
  .number({ error: "The version is a number" })
  .int("The version is a whole number")
  .min(1, "Versions start at 1")
  .optional();

/**
 * The query service: a structured query (columns, filters, sort, limit, cursor/offset) on a
 * dataset version the actor can read, answered by DuckDB from the version's Parquet file.
 * Used by the data grid and the REST API. Validation, access and SQL building are here and in
 * query-sql.ts, never in callers.
 */
export async function queryDataset(
  actor: Actor,
  ref: string | DatasetRef,
  input: unknown,
  version?: unknown,
): Promise<DatasetQueryResult> {
  const asked = datasetQuerySchema.parse(input ?? {});
  const number = versionNumberSchema.parse(version);
  const readable = await loadReadableVersion(actor, typeof ref === "string" ? { id: ref } : ref, "view", number);
  return queryCheckedVersion(readable, asked);
}

export type DatasetQueryResult = QueryResult & { version: number; rowWindow: number | null };

/**
 * The same query on a version already loaded and access-checked in this request (its role and
 * slice as the check found them): for a page that read the dataset and its versions already.
 * Rule: `readable` must come from an access check of this request; nothing here checks again.
 */
export async function queryReadableVersion(
  { version: row, role, scope }: Pick<Awaited<ReturnType<typeof loadReadableVersion>>, "version" | "role" | "scope">,
  input: unknown,
): Promise<DatasetQueryResult> {
  return queryCheckedVersion({ version: row, role, scope }, datasetQuerySchema.parse(input ?? {}));
}

/** queryReadableVersion on a query already validated by datasetQuerySchema (queryDataset's own: parsed once). */
async function queryCheckedVersion(
  { version: row, role, scope }: Pick<Awaited<ReturnType<typeof loadReadableVersion>>, "version" | "role" | "scope">,
  asked: DatasetQuery,
): Promise<DatasetQueryResult> {
  // View-only callers get the grid's page within a window of rows (lib/access/view-only-rows).
  const { offset, limit, window } = viewOnlyRowWindow(
    role,
    asked.cursor ? decodeCursor(asked.cursor) : asked.offset,
    asked.limit,
  );
  const parquetPath = await getBlobStore().localPath(row.blobKey);
  const result = await runQuery(
    { parquetPath, columns: parseColumns(row.columns), rowCount: Number(row.rowCount), scope },
    { ...asked, cursor: undefined, offset, limit },
  );
  const end = offset + result.rows.length;
  const nextCursor = window !== null && end >= window ? null : result.nextCursor && encodeCursor(end);
  return { ...result, nextCursor, version: row.number, rowWindow: window };
}
