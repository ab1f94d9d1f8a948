import { randomBytes } from "node:crypto";

/** Blob key for a new Parquet file of a dataset: generated, never derived from user input. */
export function newDatasetBlobKey(datasetId: string): string {
  return `datasets/${datasetId}/${randomBytes(12).toString("hex")}.parquet`;
}
