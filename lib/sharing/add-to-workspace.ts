import "server-only";
import { type Actor, getWorkspaceRole } from "@/lib/access";
import { userKey, workspaceKey } from "@/lib/access/grantee-keys";
import { liveGrantWhere } from "@/lib/access/grants";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/util/errors";

/**
 * B2B: a grantee turns a grant they received into a grant to one of their own workspaces (same
 * role, same expiry), so every member of it sees the resource. Rule: only the grantee can do
 * this, only with a workspace they manage, and never onto the resource's own workspace.
 */
export async function addShareToWorkspace(actor: Actor, shareId: string, workspaceId: string) {
  const db = getDb();
  const share = await db.share.findFirst({ where: { id: shareId, granteeKey: userKey(actor.id), AND: liveGrantWhere() } });
  if (!share) throw notFound("That grant is not yours or has ended.");
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw notFound("Workspace not found");
  const role = await getWorkspaceRole(actor, workspace);
  if (role !== "owner" && role !== "manager") throw new AppError("forbidden", "You can add it only to a workspace you manage.");
  if (workspace.id === share.workspaceId) throw new AppError("invalid", "It already belongs to that workspace.");
  const key = workspaceKey(workspace.id);
  return db.$transaction(async (tx) => {
    const existing = await tx.share.findUnique({ where: { resourceType_resourceId_granteeKey: { resourceType: share.resourceType, resourceId: share.resourceId, granteeKey: key } } });
    if (existing) {
      if (existing.role !== "editor" && share.role === "editor") await tx.share.update({ where: { id: existing.id }, data: { role: "editor" } });
      await tx.share.delete({ where: { id: share.id } });
    } else {
      await tx.share.update({ where: { id: share.id }, data: { granteeType: "workspace", granteeKey: key, granteeUserId: null, granteeWorkspaceId: workspace.id } });
    }
    await recordAudit(tx, {
      workspaceId: share.workspaceId, actorId: actor.id, action: "share.added_to_workspace", resourceType: share.resourceType, resourceId: share.resourceId,
      details: { workspace: workspace.slug, workspaceId: workspace.id, role: share.role },
    });
    return { shareId: existing?.id ?? share.id };
  });
}
