import "server-only";
import { AppError } from "@/lib/util/errors";
import type { Actor } from "./actor";
import { type Capability, type EffectiveRole, OWNER_ONLY_MESSAGE, allows, highestRole } from "./roles";
import { grantedRole } from "./grants";
import { linkCovers } from "./link-scope";
import { getWorkspaceRole } from "./workspace";

/**
 * Anything access is decided on. `workspaceOwnerId` and `workspaceId` locate the container;
 * folders and files carry their folder ancestry (outermost first) so grants on any ancestor
 * can cascade to them.
 */
export type Resource =
  | { type: "workspace"; id: string; workspaceId: string; workspaceOwnerId: string }
  | { type: "dataset"; id: string; workspaceId: string; workspaceOwnerId: string; visibility: string }
  | { type: "folder"; id: string; workspaceId: string; workspaceOwnerId: string; ancestorFolderIds: string[] }
  | { type: "file"; id: string; workspaceId: string; workspaceOwnerId: string; ancestorFolderIds: string[] };

/**
 * The actor's effective role on a resource: the highest of workspace membership, live grants on
 * the resource or any ancestor (to the actor or a workspace they belong to), and public
 * visibility (viewer for every signed-in user). Computed fresh on every call, with no cache
 * across requests, so a removal, revocation or expiry holds on the very next request.
 */
export async function getEffectiveRole(actor: Actor, resource: Resource): Promise<EffectiveRole | null> {
  // Through an access link the visitor reads exactly what the link covers, and never writes.
  if (actor.link) return linkCovers(actor.link, resource) ? "viewer" : null;
  if (resource.workspaceOwnerId === actor.id) return "owner"; // nothing ranks higher
  // Membership and grants are independent reads: asked at once, the check costs one round trip.
  const [membership, granted] = await Promise.all([
    getWorkspaceRole(actor, { id: resource.workspaceId, ownerId: resource.workspaceOwnerId }),
    grantedRole(actor, resource),
  ]);
  const visibility = resource.type === "dataset" && resource.visibility === "public" ? "viewer" : null;
  return highestRole(membership, granted, visibility);
}

/**
 * Rule: what the actor cannot read does not exist for them (404 "Not found", never a hint);
 * what they can read but not change is 403; only managers (workspace owner and admins) manage
 * access, and everyone else gets the owner-only message.
 */
export async function assertCan(actor: Actor, capability: Capability, resource: Resource): Promise<EffectiveRole> {
  const role = await getEffectiveRole(actor, resource);
  if (!allows(role, "read")) throw new AppError("not_found", "Not found");
  if (!allows(role, capability)) {
    throw new AppError("forbidden", capability === "write" ? "You have read-only access here." : OWNER_ONLY_MESSAGE);
  }
  return role!;
}
