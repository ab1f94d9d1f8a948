import "server-only";
import { getDb } from "@/lib/db";
import { parseStoredScope } from "@/lib/scopes/scope-schema";
import type { Actor } from "./actor";
import { actorGranteeKeys, grantsToActorWhere } from "./grantee-keys";
import type { Resource } from "./resources";

/** The (type, id) pairs whose grants reach a resource: itself and every container above it. */
export function grantTargets(resource: Resource): { resourceType: Resource["type"]; resourceId: string }[] {
  const targets: ReturnType<typeof grantTargets> = [{ resourceType: "workspace", resourceId: resource.workspaceId }];
  if (resource.type === "folder" || resource.type === "file") {
    for (const id of resource.ancestorFolderIds) targets.push({ resourceType: "folder", resourceId: id });
  }
  if (resource.type !== "workspace") targets.push({ resourceType: resource.type, resourceId: resource.id });
  return targets;
}

/** A grant is live until its expiry; expired grants stop working on the next request. */
export function liveGrantWhere(now = new Date()) {
  return { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * Rule: the grants inside a workspace that give the actor something, as a Prisma `where` on
 * shares: to them or to one of their workspaces (actorGranteeKeys), live, and not a slice that
 * stopped serving, whether a new version broke it (scopeBrokenAt) or its stored scope no longer
 * reads (parseStoredScope). getEffectiveAccess gives such a slice nothing, so every listing built
 * on this shows nothing for it either. The unreadable ones cannot be told apart in SQL: the
 * actor's few scoped grants in the workspace are read and checked here (one query, beside the keys).
 */
export async function servingGrantsWhere(actor: Actor, workspaceId: string) {
  const live = liveGrantWhere();
  const [keys, scoped] = await Promise.all([
    actorGranteeKeys(actor),
    getDb().share.findMany({
      where: { AND: [{ workspaceId, scope: { not: null }, scopeBrokenAt: null }, grantsToActorWhere(actor), live] },
      select: { id: true, scope: true },
    }),
  ]);
  const unreadable = scoped.filter((s) => parseStoredScope(s.scope) === "broken").map((s) => s.id);
  return {
    workspaceId,
    granteeKey: { in: keys },
    scopeBrokenAt: null,
    AND: [live, ...(unreadable.length ? [{ id: { notIn: unreadable } }] : [])],
  };
}

/**
 * Whether the actor holds a grant that serves on something inside the workspace (a "shared" view
 * of it; servingGrantsWhere's rule, so a broken slice opens no workspace). This scans the
 * workspace's grants, so it filters on the indexed key list (see actorGranteeKeys).
 */
export async function hasGrantInside(actor: Actor, workspaceId: string): Promise<boolean> {
  const grant = await getDb().share.findFirst({
    where: await servingGrantsWhere(actor, workspaceId),
    select: { id: true },
  });
  return grant !== null;
}
