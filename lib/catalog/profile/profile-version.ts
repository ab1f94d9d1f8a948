import "server-only";
import { getBlobStore } from "@/lib/storage";
import { withDatasetDb } from "../duckdb/dataset-db";
import { hasRowNumber } from "../run-query";
import type { Column } from "../types";
import { profileDataView } from "./profile-data-view";
import type { DatasetProfile } from "./types";

/** The profile of a version's Parquet file (its blob), on the pooled connection later page views reuse. */
export async function profileVersionFile(blobKey: string, columns: Column[]): Promise<DatasetProfile> {
  const parquetPath = await getBlobStore().localPath(blobKey);
  return withDatasetDb(parquetPath, hasRowNumber(columns), (connection) => profileDataView(connection, columns));
}

/**
 * The profile a new version is stored with, computed at ingest. A failure here (a timeout on a very
 * large file, a full disk) must not lose the upload: the version is stored without a profile, and the
 * first request for it computes one (see getColumnStats).
 */
export async function profileForIngest(blobKey: string, columns: Column[]): Promise<DatasetProfile | undefined> {
  try {
    return await profileVersionFile(blobKey, columns);
  } catch (error) {
    console.error("Column profile failed at ingest; it will be computed on first request.", error);
    return undefined;
  }
}
