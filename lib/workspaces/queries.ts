import "server-only";
import { getDb } from "@/lib/db";
import {
  type Actor,
  type EffectiveRole,
  getEffectiveRole,
  getWorkspaceRole,
  memberWorkspacesWhere,
} from "@/lib/access";
import { hasGrantInside } from "@/lib/access/grants";
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
    role: w.ownerId === actor.id ? "owner" : w.members[0]?.role === "admin" ? "manager" : "editor",
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
  /** membership role, or the role of a grant on the whole workspace; "viewer" for scope "shared" */
  role: EffectiveRole;
  /** "workspace": sees the whole workspace; "shared": sees only what was shared with them inside it */
  scope: "workspace" | "shared";
  /** owner or member (sees members, settings) as opposed to a grantee */
  isMember: boolean;
};

/**
 * Resolves /w/{owner}/{slug} for the actor. Rule: unknown and unreadable workspaces are the same
 * 404, so a URL never reveals that a workspace exists. Members and whole-workspace grantees see
 * the workspace; someone with grants only on things inside it gets scope "shared" (they see
 * only those); anyone else gets the 404.
 */
export async function getWorkspaceForActor(actor: Actor, ownerUsername: string, slug: string): Promise<WorkspaceView> {
  const workspace = await getDb().workspace.findFirst({
    where: { slug: slug.toLowerCase(), owner: { username: ownerUsername.toLowerCase() } },
    include: { owner: { select: { username: true } } },
  });
  if (!workspace) throw notFound("Workspace not found");
  const resource = {
    type: "workspace" as const,
    id: workspace.id,
    workspaceId: workspace.id,
    workspaceOwnerId: workspace.ownerId,
  };
  const [role, membership] = await Promise.all([getEffectiveRole(actor, resource), getWorkspaceRole(actor, workspace)]);
  let scope: WorkspaceView["scope"] = "workspace";
  if (!role) {
    if (!(await hasGrantInside(actor, workspace.id))) throw notFound("Workspace not found");
    scope = "shared";
  }
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
    role: role ?? "viewer",
    scope,
    isMember: membership !== null,
  };
}
