import "server-only";
import type { Actor } from "@/lib/access";
import { dataViewSql } from "@/lib/catalog/duckdb/dataset-db";
import { assertScopeServes, loadDataset, loadVersion } from "@/lib/catalog/load-dataset";
import { type Column, parseColumns } from "@/lib/catalog/types";
import { getBlobStore } from "@/lib/storage";
import { visibleColumns } from "./scope-columns";

/**
 * What any other read path (the SQL console) must register a dataset as for this actor: the
 * Parquet file to allow in its sandbox and the SELECT to define its view with, which for a
 * scoped actor is their slice (the same text as the view `data`, dataViewSql). Rule: never
 * register a dataset as read_parquet(...) directly; 404 for what the actor cannot read.
 */
export async function scopedDatasetSource(
  actor: Actor,
  datasetId: string,
  version?: number,
): Promise<{ parquetPath: string; selectSql: string; columns: Column[] }> {
  const { dataset, scope } = await loadDataset(actor, { id: datasetId }, "view");
  const row = await loadVersion(dataset, version);
  assertScopeServes(scope, row.columns, `Version ${row.number} of this dataset does not exist.`);
  const columns = parseColumns(row.columns);
  const parquetPath = await getBlobStore().localPath(row.blobKey);
  return {
    parquetPath,
    selectSql: dataViewSql(parquetPath, false, scope ? { scope, columns } : null),
    columns: visibleColumns(columns, scope),
  };
}
