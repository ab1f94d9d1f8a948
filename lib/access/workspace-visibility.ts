import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { hasGrantInside } from "./grants";
import { effectiveRolesAndMemberships } from "./effective-roles";
import type { EffectiveRole } from "./roles";
import { type WorkspaceRef, workspaceResource } from "./workspace";

/**
 * How much of a workspace the actor sees: "workspace" all of it (member, or a grant on the whole
 * workspace); "shared" only what was shared with them inside it; "public" only its public datasets and the
 * cards of its Listed ones (see listedCardVisible).
 */
export type WorkspaceScope = "workspace" | "shared" | "public";

export type WorkspaceVisibility = {
  scope: WorkspaceScope;
  /** the role on the workspace itself (membership or a whole-workspace grant); null below scope "workspace" */
  role: EffectiveRole | null;
  /** owner or member (sees members, settings, activity) as opposed to a grantee or a passer-by */
  isMember: boolean;
};

/**
 * Rule: what the actor may see of a workspace, the one answer pages and the API both use.
 * Members and whole-workspace grantees see the workspace; someone with a live grant on something
 * inside it sees only what is shared with them; any other signed-in user sees only its public
 * datasets and its Listed datasets' cards, if it has any (they are shown to everyone, so the
 * workspace's existence is no secret). Anyone else, and an access-link visitor outside their link, gets null: the caller
 * answers the same 404 as for an unknown workspace. Read fresh on every call.
 */
export async function workspaceVisibility(actor: Actor, workspace: WorkspaceRef): Promise<WorkspaceVisibility | null> {
  // Membership comes from the role check's own read (getWorkspaceRole's rule: a link view carries
  // no membership; the owner is a member), not from a second query.
  const { roles, memberships } = await effectiveRolesAndMemberships(actor, [workspaceResource(workspace)]);
  const role = roles[0] ?? null;
  const isMember = !actor.link && (workspace.ownerId === actor.id || memberships.has(workspace.id));
  if (role) return { scope: "workspace", role, isMember };
  if (actor.link) return null;
  // Both reads are needed only without a workspace role; asked at once, they cost one round trip.
  const [sharedInside, publicInside] = await Promise.all([
    hasGrantInside(actor, workspace.id),
    hasPublicDataset(workspace.id),
  ]);
  if (sharedInside) return { scope: "shared", role: null, isMember };
  if (publicInside) return { scope: "public", role: null, isMember };
  return null;
}

/** Whether the workspace shows anything to every signed-in user: a Public dataset or a Listed one's card. */
async function hasPublicDataset(workspaceId: string): Promise<boolean> {
  const dataset = await getDb().dataset.findFirst({
    where: { workspaceId, visibility: { in: ["public", "listed"] } },
    select: { id: true },
  });
  return dataset !== null;
}
