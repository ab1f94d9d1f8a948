import "server-only";
import { getBlobStore } from "@/lib/storage";
import { visibleColumns } from "@/lib/scopes";
import { type DataSlice, tryAcquireDatasetDb, withDatasetDb } from "../duckdb/dataset-db";
import { hasRowNumber } from "../run-query";
import type { Column } from "../types";
import { fewDistinctColumns } from "./few-distinct-columns";
import { CHEAP_DISTINCT, profileDataView } from "./profile-data-view";
import type { DatasetProfile } from "./types";

/**
 * The profile of a version's Parquet file (its blob), on the pooled connection later page views
 * reuse; with a slice, the profile of the slice alone (its rows, its visible columns).
 */
export async function profileVersionFile(
  blobKey: string,
  columns: Column[],
  slice: DataSlice | null,
): Promise<DatasetProfile> {
  const parquetPath = await getBlobStore().localPath(blobKey);
  const shown = slice ? visibleColumns(columns, slice.scope) : columns;
  const rowNumber = hasRowNumber(columns);
  return withDatasetDb(
    parquetPath,
    rowNumber,
    async (connection) => {
      // Only the whole version may be steered by the file's footer; a slice is profiled from its own rows alone.
      if (slice) return profileDataView(connection, shown);
      const fewDistinct = await fewDistinctColumns(connection, parquetPath, CHEAP_DISTINCT);
      // The columns with few distinct values are counted on a second connection meanwhile, when the pool has one free.
      const second = fewDistinct.size > 0 ? await tryAcquireDatasetDb(parquetPath, rowNumber, null) : null;
      let failed = true;
      try {
        const profile = await profileDataView(connection, shown, { fewDistinct, counter: second?.connection });
        failed = false;
        return profile;
      } finally {
        second?.release(failed);
      }
    },
    slice,
  );
}
