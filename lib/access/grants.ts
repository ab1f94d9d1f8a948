import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { actorGranteeKeys } from "./grantee-keys";
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
 * Whether the actor holds any live grant on something inside the workspace (a "shared" view of it).
 * This scans the workspace's grants, so it filters on the indexed key list (see actorGranteeKeys).
 */
export async function hasGrantInside(actor: Actor, workspaceId: string): Promise<boolean> {
  const grant = await getDb().share.findFirst({
    where: { workspaceId, granteeKey: { in: await actorGranteeKeys(actor) }, AND: liveGrantWhere() },
    select: { id: true },
  });
  return grant !== null;
}
