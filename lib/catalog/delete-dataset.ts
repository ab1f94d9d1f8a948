import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { invalid } from "@/lib/util/errors";
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
  if (confirmSlug.trim().toLowerCase() !== dataset.slug)
    throw invalid(`Type "${dataset.slug}" to confirm.`, { confirm: `Type "${dataset.slug}" to confirm.` });
  const db = getDb();
  const [versions, ingests] = await Promise.all([
    db.datasetVersion.findMany({ where: { datasetId: dataset.id }, select: { blobKey: true } }),
    db.datasetIngest.findMany({ where: { datasetId: dataset.id }, select: { blobKey: true } }),
  ]);
  await db.$transaction(async (tx) => {
    await tx.datasetIngest.deleteMany({ where: { datasetId: dataset.id } });
    await tx.dataset.delete({ where: { id: dataset.id } });
    await recordAudit(tx, {
      workspaceId: dataset.workspaceId,
      actorId: actor.id,
      action: "dataset.deleted",
      resourceType: "dataset",
      resourceId: dataset.id,
      details: { slug: dataset.slug, name: dataset.name, versions: versions.length },
    });
  });
  const store = getBlobStore();
  for (const key of new Set([...versions, ...ingests].map((v) => v.blobKey))) {
    await closeDatasetDbs(store.localPathOf(key)); // no download just to close handles
    await store.delete(key).catch((error) => console.error(`Could not delete dataset blob ${key}`, error));
  }
}
