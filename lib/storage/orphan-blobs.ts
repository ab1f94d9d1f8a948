import "server-only";
import { getDb } from "@/lib/db";
import { getBlobStore } from "./index";

/** The keys among `keys` that a row still refers to (a file, a dataset version, a pending ingest). */
async function referenced(keys: string[]): Promise<Set<string>> {
  const db = getDb();
  const where = { blobKey: { in: keys } };
  const select = { blobKey: true } as const;
  const [files, versions, ingests] = await Promise.all([
    db.fileEntry.findMany({ where, select }),
    db.datasetVersion.findMany({ where, select }),
    db.datasetIngest.findMany({ where, select }),
  ]);
  const sources = await db.datasetIngest.findMany({
    where: { sourceBlobKey: { in: keys } },
    select: { sourceBlobKey: true },
  });
  return new Set([
    ...[...files, ...versions, ...ingests].flatMap((r) => (r.blobKey ? [r.blobKey] : [])),
    ...sources.flatMap((r) => (r.sourceBlobKey ? [r.sourceBlobKey] : [])),
  ]);
}

/**
 * Rule: a blob is deleted only when no row refers to it, and this is the one place that decides
 * so for blobs whose rows went away in bulk (a deleted workspace, rows removed by foreign-key
 * cascades, a crash between a row's deletion and its blob's). Returns how many it deleted.
 */
export async function deleteUnreferencedBlobs(keys: string[]): Promise<number> {
  const store = getBlobStore();
  let deleted = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const batch = keys.slice(i, i + 500);
    const keep = await referenced(batch);
    for (const key of batch) {
      if (keep.has(key)) continue;
      await store.delete(key);
      deleted++;
    }
  }
  return deleted;
}

/** Every blob key a workspace's rows refer to: collect before deleting the workspace, delete after. */
export async function blobKeysOfWorkspace(workspaceId: string): Promise<string[]> {
  const db = getDb();
  const [files, versions, ingests] = await Promise.all([
    db.fileEntry.findMany({ where: { workspaceId, blobKey: { not: null } }, select: { blobKey: true } }),
    db.datasetVersion.findMany({ where: { dataset: { workspaceId } }, select: { blobKey: true } }),
    db.datasetIngest.findMany({ where: { workspaceId }, select: { blobKey: true, sourceBlobKey: true } }),
  ]);
  const sources = ingests.flatMap((r) => (r.sourceBlobKey ? [r.sourceBlobKey] : []));
  return [
    ...new Set([...[...files, ...versions, ...ingests].flatMap((r) => (r.blobKey ? [r.blobKey] : [])), ...sources]),
  ];
}

/**
 * Deletes blobs no row refers to that are older than `before` (younger ones may belong to a write
 * whose row is about to be committed), and temporary files of interrupted writes.
 */
export async function sweepOrphanBlobs(before: Date): Promise<{ blobs: number; temporary: number }> {
  const store = getBlobStore();
  const old: string[] = [];
  for await (const blob of store.list()) if (blob.modifiedAt < before) old.push(blob.key);
  return { blobs: await deleteUnreferencedBlobs(old), temporary: await store.removeStaleTemporary(before) };
}
