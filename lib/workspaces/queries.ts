import "server-only";
import { getDb } from "@/lib/db";
import {
  type Actor,
  type EffectiveRole,
  type WorkspaceScope,
  memberRoleToEffective,
  memberWorkspacesWhere,
  workspaceVisibility,
} from "@/lib/access";
import { notFound } from "@/lib/util/errors";
export type WorkspaceSummary = {
  id: string;
  slug: string;
  name: string;
  personal: boolean;
  owner: string;
  role: EffectiveRole;
};

/** The workspaces the actor owns or belongs to, personal first, then by name. */
export async function listMyWorkspaces(actor: Actor): Promise<WorkspaceSummary[]> {
  const rows = await getDb().workspace.findMany({
    where: memberWorkspacesWhere(actor),
    select: {
      id: true,
      slug: true,
      name: true,
      personal: true,
      ownerId: true,
      owner: { select: { username: true } },
      members: { where: { userId: actor.id }, select: { role: true } },
    },
    orderBy: [{ personal: "desc" }, { name: "asc" }],
  });
  return rows.map((w) => ({
    id: w.id,
    slug: w.slug,
    name: w.name,
    personal: w.personal && w.ownerId === actor.id,
    owner: w.owner.username ?? "",
    role: w.ownerId === actor.id ? "owner" : memberRoleToEffective(w.members[0]?.role ?? "member"),
  }));
}

export type WorkspaceView = {
  id: string;
  ownerId: string;
  slug: string;
  name: string;
  description: string;
  personal: boolean;
  owner: string;
  createdAt: Date;
  /** membership role, or the role of a grant on the whole workspace; "viewer" below scope "workspace" */
  role: EffectiveRole;
  /** how much of the workspace the actor sees (see workspaceVisibility in lib/access) */
  scope: WorkspaceScope;
  /** owner or member (sees members, settings) as opposed to a grantee */
  isMember: boolean;
};

/**
 * Resolves /w/{owner}/{slug} for the actor, as lib/access's workspaceVisibility decides it.
 * Rule: unknown and unreadable workspaces are the same 404, so a URL never reveals that a
 * workspace exists. Scope "public" (a passer-by who sees only the public datasets) is a 404 too
 * unless `allowPublic`: only the pages of those datasets accept it, never the catalog list, files,
 * settings or activity.
 */
export async function getWorkspaceForActor(
  actor: Actor,
  ownerUsername: string,
  slug: string,
  { allowPublic = false }: { allowPublic?: boolean } = {},
): Promise<WorkspaceView> {
  const workspace = await getDb().workspace.findFirst({
    where: { slug: slug.toLowerCase(), owner: { username: ownerUsername.toLowerCase() } },
    include: { owner: { select: { username: true } } },
  });
  if (!workspace) throw notFound("Workspace not found");
  const visibility = await workspaceVisibility(actor, workspace);
  if (!visibility || (visibility.scope === "public" && !allowPublic)) throw notFound("Workspace not found");
  const { id, ownerId, name, description, personal, createdAt } = workspace;
  return {
    id,
    ownerId,
    slug: workspace.slug,
    name,
    description,
    personal,
    createdAt,
    owner: workspace.owner.username ?? "",
    role: visibility.role ?? "viewer",
    scope: visibility.scope,
    isMember: visibility.isMember,
  };
}
