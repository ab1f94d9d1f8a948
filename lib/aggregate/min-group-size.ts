import "server-only";
import { type Actor, type EffectiveRole, allows } from "@/lib/access";
import { actorGranteeKeys } from "@/lib/access/grantee-keys";
import { liveGrantWhere } from "@/lib/access/grants";
import { getDb } from "@/lib/db";
import { DEFAULT_MIN_GROUP_SIZE } from "./grant-rules";

/**
 * Rule: the smallest group the actor may see in a summary of this dataset. Someone who may view
 * rows has no minimum (null): a summary shows them nothing new. A totals-only grantee gets the
 * minimum group size of their live "Totals only" grants on the dataset (to them or to a workspace
 * they belong to); holding several, grants combine the way roles do, to the most generous one.
 */
export async function minGroupSizeFor(actor: Actor, datasetId: string, role: EffectiveRole): Promise<number | null> {
  if (allows(role, "view")) return null;
  return (await minGroupSizesFor(actor, [datasetId])).get(datasetId)!;
}

/** minGroupSizeFor for many datasets a totals-only reader holds, in one query (catalog listings). */
export async function minGroupSizesFor(actor: Actor, datasetIds: string[]): Promise<Map<string, number>> {
  if (datasetIds.length === 0) return new Map();
  const grants = await getDb().share.findMany({
    where: {
      resourceType: "dataset",
      resourceId: { in: datasetIds },
      role: "aggregate",
      granteeKey: { in: await actorGranteeKeys(actor) },
      AND: liveGrantWhere(),
    },
    select: { resourceId: true, minGroupSize: true },
  });
  // No grant found (it ended between the access check and now): the strictest default, never none.
  const sizes = new Map(datasetIds.map((id) => [id, DEFAULT_MIN_GROUP_SIZE]));
  const found = new Set<string>();
  for (const g of grants) {
    sizes.set(
      g.resourceId,
      found.has(g.resourceId) ? Math.min(sizes.get(g.resourceId)!, g.minGroupSize) : g.minGroupSize,
    );
    found.add(g.resourceId);
  }
  return sizes;
}
