import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import type { Actor } from "./actor";
import { grantedRole } from "./grants";
import { type Action, type EffectiveRole, OWNER_ONLY_MESSAGE, memberRoleToEffective, roleAllows } from "./roles";

export type WorkspaceRef = { id: string; ownerId: string };

/**
 * The actor's role in a workspace from ownership and membership, read fresh on every call (no
 * cache across requests, so removing a member takes effect on their very next request).
 */
export async function getWorkspaceRole(actor: Actor, workspace: WorkspaceRef): Promise<EffectiveRole | null> {
  if (actor.link) return null; // a link view never carries the visitor's own memberships
  if (workspace.ownerId === actor.id) return "owner";
  const membership = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: actor.id } },
    select: { role: true },
  });
  return membership ? memberRoleToEffective(membership.role) : null;
}

/**
 * Rule: workspace administration (settings, members, invitations, activity, links) is decided
 * on membership. A workspace the actor cannot read at all does not exist for them (404, never a
 * hint); someone who reads it only through a grant, or a member without the role, gets 403
 * (the owner-only message for managing it).
 */
export async function assertCanWorkspace(
  actor: Actor,
  workspace: WorkspaceRef,
  action: Action,
): Promise<EffectiveRole> {
  const role = await getWorkspaceRole(actor, workspace);
  if (!roleAllows(role, "workspace.read")) {
    const granted = actor.link
      ? null
      : await grantedRole(actor, {
          type: "workspace",
          id: workspace.id,
          workspaceId: workspace.id,
          workspaceOwnerId: workspace.ownerId,
        });
    if (!granted) throw new AppError("not_found", "Workspace not found");
    throw new AppError(
      "forbidden",
      action === "workspace.read" ? "Only members of this workspace can see this." : OWNER_ONLY_MESSAGE,
    );
  }
  if (!roleAllows(role, action)) {
    const message =
      action === "workspace.write"
        ? "You have read-only access to this workspace."
        : action === "workspace.delete"
          ? "Only the workspace owner can delete it."
          : OWNER_ONLY_MESSAGE;
    throw new AppError("forbidden", message);
  }
  return role!;
}

export { memberWorkspacesWhere } from "./grantee-keys";
