import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import type { Actor } from "./actor";
import { type Resource, getEffectiveRole } from "./resources";
import { type Capability, type EffectiveRole, OWNER_ONLY_MESSAGE, allows, memberRoleToEffective } from "./roles";

export type WorkspaceRef = { id: string; ownerId: string };

/** A workspace as a resource access is decided on. */
export function workspaceResource(workspace: WorkspaceRef): Resource {
  return { type: "workspace", id: workspace.id, workspaceId: workspace.id, workspaceOwnerId: workspace.ownerId };
}

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

const REFUSALS: Record<Capability, string> = {
  summarise: "Only members of this workspace can see this.",
  view: "Only members of this workspace can see this.",
  read: "Only members of this workspace can see this.",
  write: "You have read-only access to this workspace.",
  manage: OWNER_ONLY_MESSAGE,
  own: "Only the workspace owner can delete it.",
};

/**
 * Rule: workspace administration (settings, members, invitations, activity, links) is decided
 * on membership. A workspace the actor cannot read at all does not exist for them (404, never a
 * hint); someone who reads it only through a grant, or a member without the role, gets 403
 * (the owner-only message for managing it).
 */
export async function assertCanWorkspace(
  actor: Actor,
  workspace: WorkspaceRef,
  capability: Capability,
): Promise<EffectiveRole> {
  const role = await getWorkspaceRole(actor, workspace);
  if (!allows(role, "read")) {
    // Not a member: any role left comes from a grant on the whole workspace.
    const granted = actor.link ? null : await getEffectiveRole(actor, workspaceResource(workspace));
    if (!granted) throw new AppError("not_found", "Workspace not found");
    throw new AppError(
      "forbidden",
      capability === "read" || capability === "view" ? REFUSALS.read : OWNER_ONLY_MESSAGE,
    );
  }
  if (!allows(role, capability)) throw new AppError("forbidden", REFUSALS[capability]);
  return role!;
}

export { memberWorkspacesWhere } from "./grantee-keys";
