import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { expireAbandonedMultipart } from "@/lib/api/multipart";
import { catalogTempDir } from "@/lib/catalog/config";
import { getDb } from "@/lib/db";
import { sweepOrphanBlobs } from "@/lib/storage/orphan-blobs";
import { numberSetting } from "@/lib/config/number-settings";

/** ORPHAN_GRACE_HOURS (6): leftovers younger than this are kept (they may belong to work still running). */
export const orphanGraceMs = () => {
  return numberSetting("ORPHAN_GRACE_HOURS") * 3_600_000;
};

/** Deletes files below `dir` last changed before `before` (scratch files of conversions a crash cut short). */
async function removeOldFiles(dir: string, before: Date): Promise<number> {
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const stat = await fsp.stat(full).catch(() => null);
    if (stat && stat.mtime < before) {
      await fsp.rm(full, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * The sweep of what crashes and failures leave behind, run hourly with the upload sweep (one
 * instance at a time): rows whose parent is gone that no foreign key can cover (a pending ingest
 * into a dataset deleted meanwhile), blobs no row refers to, temporary blob files, catalog
 * scratch files and multipart uploads abandoned or interrupted, all older than ORPHAN_GRACE_HOURS
 * (multipart: UPLOAD_EXPIRE_HOURS). Returns what it removed, for the log and the tests.
 */
export async function sweepLeftovers(now = new Date()) {
  const before = new Date(now.getTime() - orphanGraceMs());
  const db = getDb();
  const ingests = await db.datasetIngest.findMany({
    where: { mode: { not: "create" }, createdAt: { lt: before } },
    select: { id: true, datasetId: true },
  });
  const datasets = new Set(
    (await db.dataset.findMany({ where: { id: { in: ingests.map((i) => i.datasetId) } }, select: { id: true } })).map(
      (d) => d.id,
    ),
  );
  const orphanIngests = ingests.filter((i) => !datasets.has(i.datasetId)).map((i) => i.id);
  await db.datasetIngest.deleteMany({ where: { id: { in: orphanIngests } } });
  const blobs = await sweepOrphanBlobs(before);
  return {
    ingests: orphanIngests.length,
    ...blobs,
    scratch: await removeOldFiles(catalogTempDir(), before),
    multipart: await expireAbandonedMultipart(now.getTime()),
  };
}
