import "server-only";
import { type Actor, allows } from "@/lib/access";
import { getEffectiveAccess } from "@/lib/access/effective-roles";
import type { WorkspaceRef } from "@/lib/access/workspace";
import { minGroupSizesFor } from "@/lib/aggregate/min-group-size";
import { getDb } from "@/lib/db";
import { versionSliceCount } from "./dataset-view";
import { datasetResource } from "./load-dataset";

type Listed = { id: string; visibility: string; version: number; rowCount: number; sizeBytes: number };

/**
 * The row count and size a catalog listing shows each dataset with. Rule: what a reader may not
 * learn from the dataset page they do not learn from a list either: a slice's reader sees the
 * slice's row count (counted) and no size, a totals-only reader the row count only when it is at
 * least their minimum group size, and no size. Everyone else sees the stored figures.
 */
export async function countsForReader<T extends Listed>(
  actor: Actor,
  workspace: WorkspaceRef,
  rows: T[],
): Promise<(T & { rowCount: number | null; sizeBytes: number | null })[]> {
  if (rows.length === 0) return rows;
  const access = await getEffectiveAccess(
    actor,
    rows.map((r) => datasetResource({ ...r, workspaceId: workspace.id, workspace: { ownerId: workspace.ownerId } })),
  );
  // One query for the listed versions of every slice, one for the minimum group sizes of every
  // totals-only dataset, whatever the page's length.
  const sliced = rows.filter((_, i) => access[i]?.scope);
  const totalsOnly = rows.filter((_, i) => access[i] && !access[i].scope && !allows(access[i].role, "view"));
  const [versions, minSizes] = await Promise.all([
    sliced.length
      ? getDb().datasetVersion.findMany({
          where: { OR: sliced.map((r) => ({ datasetId: r.id, number: r.version })) },
          select: { datasetId: true, blobKey: true, columns: true, rowCount: true },
        })
      : [],
    minGroupSizesFor(
      actor,
      totalsOnly.map((r) => r.id),
    ),
  ]);
  const versionOf = new Map(versions.map((v) => [v.datasetId, v]));
  return Promise.all(
    rows.map(async (row, i) => {
      const a = access[i];
      if (!a) return row;
      if (a.scope) {
        const version = versionOf.get(row.id);
        return { ...row, rowCount: version ? await versionSliceCount(version, a.scope) : 0, sizeBytes: null };
      }
      if (!allows(a.role, "view")) {
        const k = minSizes.get(row.id) ?? null;
        return { ...row, rowCount: k !== null && row.rowCount < k ? null : row.rowCount, sizeBytes: null };
      }
      return row;
    }),
  );
}
