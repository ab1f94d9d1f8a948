import "server-only";
import type { Actor } from "./actor";
import { type Access, assertAccessAll, assertCanAll, getEffectiveRoles } from "./effective-roles";
import type { Capability, EffectiveRole } from "./roles";

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
  return (await getEffectiveRoles(actor, [resource]))[0] ?? null;
}

/**
 * Rule: what the actor cannot read does not exist for them (404 "Not found", never a hint);
 * what they can read but not change is 403; only managers (workspace owner and admins) manage
 * access, and everyone else gets the owner-only message. (assertCanAll states it for many.)
 */
export async function assertCan(actor: Actor, capability: Capability, resource: Resource): Promise<EffectiveRole> {
  return (await assertCanAll(actor, capability, [resource]))[0]!;
}

/** assertCan with the scope (slice) the actor is limited to on the resource (null: all of it). */
export async function assertAccess(actor: Actor, capability: Capability, resource: Resource): Promise<Access> {
  return (await assertAccessAll(actor, capability, [resource]))[0]!;
}
