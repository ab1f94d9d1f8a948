import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/util/errors";

/**
 * For the CLI (an operator on the server): adds a user to a workspace without an invitation,
 * recorded in the workspace's activity as done by its owner's server operator.
 */
export async function addMemberFor(workspacePath: string, username: string, role: string) {
  const [owner, slug] = workspacePath.trim().toLowerCase().split("/");
  if (!owner || !slug) throw invalid('Name the workspace as "owner/slug".');
  if (role !== "member" && role !== "admin") throw invalid('The role is "member" or "admin".');
  const db = getDb();
  const workspace = await db.workspace.findFirst({ where: { slug, owner: { username: owner } } });
  if (!workspace) throw notFound(`No workspace ${owner}/${slug}.`);
  const user = await db.user.findUnique({ where: { username: username.trim().toLowerCase() } });
  if (!user) throw notFound(`No user with username "${username}".`);
  if (user.id === workspace.ownerId) throw conflict(`${user.username} owns ${owner}/${slug}.`);
  await db.$transaction(async (tx) => {
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role },
      update: { role },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: null,
      action: "member.added",
      resourceType: "workspace",
      resourceId: workspace.id,
      details: { username: user.username, role, by: "cli" },
    });
  });
  return { workspace: `${owner}/${slug}`, username: user.username, role };
}
