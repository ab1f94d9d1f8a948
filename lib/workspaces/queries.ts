import "server-only";
import { getDb } from "@/lib/db";
import { type Actor, type EffectiveRole, getWorkspaceRole, memberWorkspacesWhere } from "@/lib/access";
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
      id: true, slug: true, name: true, personal: true, ownerId: true,
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
  role: EffectiveRole;
};

/**
 * Resolves /w/{owner}/{slug} for the actor. Rule: unknown and unreadable workspaces are the same
 * 404, so a URL never reveals that a workspace exists.
 */
export async function getWorkspaceForActor(actor: Actor, ownerUsername: string, slug: string): Promise<WorkspaceView> {
  const workspace = await getDb().workspace.findFirst({
    where: { slug: slug.toLowerCase(), owner: { username: ownerUsername.toLowerCase() } },
    include: { owner: { select: { username: true } } },
  });
  if (!workspace) throw notFound("Workspace not found");
  const role = await getWorkspaceRole(actor, workspace);
  if (!role) throw notFound("Workspace not found");
  const { id, ownerId, name, description, personal, createdAt } = workspace;
  return { id, ownerId, slug: workspace.slug, name, description, personal, createdAt, owner: workspace.owner.username ?? "", role };
}
