import "server-only";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { closeDatasetDbs } from "../duckdb/dataset-db";

/** Deletes one pending ingest's row, then its blobs (a blob without a row is harmless; the reverse is not). */
export async function discardIngest(ingest: {
  id: string;
  blobKey: string;
  sourceBlobKey?: string | null;
}): Promise<void> {
  await getDb().datasetIngest.deleteMany({ where: { id: ingest.id } });
  const store = getBlobStore();
  await closeDatasetDbs(store.localPathOf(ingest.blobKey));
  await store.delete(ingest.blobKey);
  if (ingest.sourceBlobKey) await store.delete(ingest.sourceBlobKey);
}

/** Deletes uploads whose schema was never confirmed within CATALOG_INGEST_EXPIRE_HOURS. */
export async function expireIngests(now = new Date()): Promise<number> {
  const expired = await getDb().datasetIngest.findMany({
    where: { expiresAt: { lt: now } },
    select: { id: true, blobKey: true, sourceBlobKey: true },
    take: 100,
  });
  for (const ingest of expired) await discardIngest(ingest);
  return expired.length;
}
