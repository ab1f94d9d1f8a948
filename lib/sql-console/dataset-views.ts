import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { EffectiveRole } from "@/lib/access";
import { type DataSlice, dataViewSql } from "@/lib/catalog/duckdb/dataset-db";
import { quoteIdent } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";

/** A dataset version a console query may read, with the access decision that allowed it. */
export type GrantedDataset = {
  /** the name the query uses ("owner/namespace/dataset" or with "@version"), lowercase */
  name: string;
  datasetId: string;
  workspaceId: string;
  version: number;
  parquetPath: string;
  /** the caller's effective role on the dataset (lib/access), never below "summarise" (totals only) */
  role: EffectiveRole;
  /** true when the query names a version ("@3") rather than the current one */
  pinned: boolean;
  /** the columns the caller sees (all of them, or the slice's) */
  columns: Column[];
  /** the slice the caller is limited to (lib/scopes), null for the whole dataset */
  slice: DataSlice | null;
};

/**
 * Rule: the one place a dataset becomes readable to console SQL, as a view named like the query
 * names it over exactly its version's Parquet file, shaped by the caller's access decision
 * (`dataset.role`). Whatever narrows what a role may see of a dataset's rows or columns applies
 * here, so every console query (UI, REST, access link) gets it.
 */
export async function createDatasetView(connection: DuckDBConnection, dataset: GrantedDataset): Promise<void> {
  await connection.run(
    `CREATE VIEW ${quoteIdent(dataset.name)} AS ${dataViewSql(dataset.parquetPath, false, dataset.slice)}`,
  );
}
