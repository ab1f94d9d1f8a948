import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { liveGrantWhere, servingGrantsWhere } from "./grants";
import { getEffectiveRole } from "./resources";
import type { WorkspaceRef } from "./workspace";

/**
 * Rule: the datasets of a workspace the actor may list, as a Prisma `where`; every catalog
 * listing goes through it so a list never shows what assertCan would refuse. Members and
 * grantees of the whole workspace see all of them; anyone else sees the public ones and those
 * granted to them (directly or through one of their workspaces) by a grant that serves: a slice
 * a new version broke lists nothing, as it reads nothing (servingGrantsWhere). Read fresh on every call.
 */
export async function readableDatasetsWhere(actor: Actor, workspace: WorkspaceRef) {
  const role = await getEffectiveRole(actor, {
    type: "workspace",
    id: workspace.id,
    workspaceId: workspace.id,
    workspaceOwnerId: workspace.ownerId,
  });
  if (role) return { workspaceId: workspace.id };
  if (actor.link) return { id: { in: [] as string[] } }; // a link to something else in the workspace shows no datasets
  // The grant filter is a relation filter, not a list of ids: it stays one query however many
  // datasets are shared (an id list hits the databases' parameter limits).
  return {
    workspaceId: workspace.id,
    OR: [{ visibility: "public" as const }, { shares: { some: await servingGrantsWhere(actor, workspace.id) } }],
  };
}

/** Live grants per dataset id (datasets without grants are absent), for the catalog's sharing badge. */
export async function datasetShareCounts(datasetIds: string[]): Promise<Map<string, number>> {
  if (datasetIds.length === 0) return new Map();
  const rows = await getDb().share.groupBy({
    by: ["resourceId"],
    where: { resourceType: "dataset", resourceId: { in: datasetIds }, AND: liveGrantWhere() },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.resourceId, r._count._all]));
}
