import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { visibleColumns } from "@/lib/scopes";
import { type DataSlice, withDatasetDb } from "./duckdb/dataset-db";
import { DATA_VIEW } from "./duckdb/names";
import { withQueryTimeout } from "./duckdb/timeout";
import { assertScopeServes, loadDataset, loadVersion } from "./load-dataset";
import { versionNumberSchema } from "./query";
import { hasRowNumber } from "./run-query";
import { quoteIdent } from "./sql";
import { parseColumns } from "./types";

export type ColumnStats = {
  name: string;
  type: string;
  min: string | null;
  max: string | null;
  /** approximate number of distinct values (HyperLogLog, as DuckDB's SUMMARIZE) */
  distinct: number;
  nulls: number;
  nullPercent: number;
  /** mean of numeric columns */
  avg: string | null;
};

const storedStats: z.ZodType<ColumnStats[]> = z.array(
  z.object({
    name: z.string(),
    type: z.string(),
    min: z.string().nullable(),
    max: z.string().nullable(),
    distinct: z.number(),
    nulls: z.number(),
    nullPercent: z.number(),
    avg: z.string().nullable(),
  }),
);

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function summarize(
  parquetPath: string,
  columns: { name: string }[],
  rowNumber: boolean,
  slice: DataSlice | null = null,
): Promise<ColumnStats[]> {
  return withDatasetDb(
    parquetPath,
    rowNumber,
    (db) =>
      withQueryTimeout(db, async () => {
        const result = await db.runAndReadAll(
          `SUMMARIZE SELECT ${columns.map((c) => quoteIdent(c.name)).join(", ")} FROM ${DATA_VIEW}`,
        );
        return result.getRowObjectsJson().map((row) => {
          const count = Number(row.count ?? 0);
          const nullPercent = Number(row.null_percentage ?? 0);
          return {
            name: String(row.column_name),
            type: String(row.column_type),
            min: text(row.min),
            max: text(row.max),
            distinct: Number(row.approx_unique ?? 0),
            nulls: Math.round((count * nullPercent) / 100),
            nullPercent,
            avg: text(row.avg),
          };
        });
      }),
    slice,
  );
}

/**
 * Per-column statistics of a dataset version (DuckDB SUMMARIZE: type, nulls, distinct values,
 * min/max, mean). Computed on first request and stored with the version, which never changes.
 */
export async function getColumnStats(
  actor: Actor,
  datasetId: string,
  version?: unknown,
): Promise<{ version: number; columns: ColumnStats[] }> {
  const number = versionNumberSchema.parse(version);
  const { dataset, scope } = await loadDataset(actor, { id: datasetId }, "view");
  const row = await loadVersion(dataset, number);
  if (scope) {
    // A slice's statistics are computed on the slice every time, never taken from the whole file's.
    assertScopeServes(scope, row.columns, `Version ${row.number} of this dataset does not exist.`);
    const all = parseColumns(row.columns);
    const path = await getBlobStore().localPath(row.blobKey);
    const shown = visibleColumns(all, scope);
    return { version: row.number, columns: await summarize(path, shown, hasRowNumber(all), { scope, columns: all }) };
  }
  // Stats that no longer read as ColumnStats[] (written by an older release) are computed again and replaced.
  const stored = storedStats.safeParse(row.stats);
  if (stored.success) return { version: row.number, columns: stored.data };
  const columns = parseColumns(row.columns);
  const stats = await summarize(await getBlobStore().localPath(row.blobKey), columns, hasRowNumber(columns));
  await getDb().datasetVersion.update({ where: { id: row.id }, data: { stats } });
  return { version: row.number, columns: stats };
}
