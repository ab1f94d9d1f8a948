import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { conflict, invalid } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { advanceDatasetVersion } from "./advance-version";
import { loadDataset, loadVersion } from "./load-dataset";
import { ensureVersionProfile } from "./profile/ensure-profile";
import { parseColumns } from "./types";

/**
 * Makes an earlier version current again, as a new version pointing at the same immutable
 * Parquet file (history is never rewritten, and nothing is copied). Managers only.
 */
export async function restoreVersion(actor: Actor, datasetId: string, number: number): Promise<{ version: number }> {
  const { dataset } = await loadDataset(actor, { id: datasetId }, "manage");
  if (!Number.isInteger(number)) throw invalid("Choose a version to restore.");
  if (number === dataset.version) throw invalid(`Version ${number} is already the current version.`);
  const source = await loadVersion(dataset, number);
  const columns = parseColumns(source.columns);
  // The same rows as the restored version, so the same profile (computed now if that version predates profiles).
  const stats = await ensureVersionProfile(source);
  const next = dataset.version + 1;
  try {
    await getDb().$transaction(async (tx) => {
      const current = await tx.dataset.findUniqueOrThrow({ where: { id: dataset.id } });
      if (current.version !== dataset.version) throw conflict("The dataset changed meanwhile; reload and try again.");
      await tx.datasetVersion.create({
        data: {
          datasetId: dataset.id,
          number: next,
          kind: "restore",
          blobKey: source.blobKey,
          columns,
          rowCount: source.rowCount,
          sizeBytes: source.sizeBytes,
          addedRows: 0,
          sourceName: source.sourceName,
          sourceFormat: source.sourceFormat,
          restoredFrom: source.number,
          stats,
          createdById: actor.id,
        },
      });
      await advanceDatasetVersion(tx, { current, version: next, columns, size: source, actorId: actor.id });
      await recordAudit(tx, {
        workspaceId: dataset.workspaceId,
        actorId: actor.id,
        action: "dataset.restored",
        resourceType: "dataset",
        resourceId: dataset.id,
        details: { slug: dataset.slug, restored: number, version: next },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("The dataset changed meanwhile; reload and try again.");
    throw error;
  }
  return { version: next };
}
