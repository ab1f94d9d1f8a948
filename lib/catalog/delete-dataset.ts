import "server-only";
import type { Actor } from "@/lib/access";
import { recordDeletion } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { assertTypedConfirmation } from "@/lib/util/errors";
import { closeDatasetDbs } from "./duckdb/dataset-db";
import { loadDataset } from "./load-dataset";

/**
 * Deletes a dataset with every version (editors and managers; the caller must type its URL
 * name to confirm). Rows go first in one transaction with the audit record; the Parquet files
 * are deleted afterwards, so a crash in between leaves unreferenced files, never a dataset
 * whose data is gone.
 */
export async function deleteDataset(actor: Actor, datasetId: string, confirmSlug: string): Promise<void> {
  const { dataset } = await loadDataset(actor, { id: datasetId }, "write");
  assertTypedConfirmation(confirmSlug, dataset.slug);
  const db = getDb();
  const [versions, ingests] = await Promise.all([
    db.datasetVersion.findMany({ where: { datasetId: dataset.id }, select: { blobKey: true } }),
    db.datasetIngest.findMany({ where: { datasetId: dataset.id }, select: { blobKey: true } }),
  ]);
  await db.$transaction(async (tx) => {
    await tx.datasetIngest.deleteMany({ where: { datasetId: dataset.id } });
    await tx.dataset.delete({ where: { id: dataset.id } });
    const details = { slug: dataset.slug, name: dataset.name, versions: versions.length };
    await recordDeletion(tx, actor, { workspaceId: dataset.workspaceId, type: "dataset", id: dataset.id }, details);
  });
  const store = getBlobStore();
  for (const key of new Set([...versions, ...ingests].map((v) => v.blobKey))) {
    await closeDatasetDbs(store.localPathOf(key)); // no download just to close handles
    await store.delete(key).catch((error) => console.error(`Could not delete dataset blob ${key}`, error));
  }
}
