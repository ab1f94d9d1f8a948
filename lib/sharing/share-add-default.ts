import "server-only";
import { z } from "zod";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

/**
 * Sets the default of a new grant's "recipients may add this to one of their workspaces" option
 * for everything shared from this workspace (off unless a manager turns it on). Managers only;
 * recorded in the activity. Existing grants keep their own setting.
 */
export async function setShareAllowAddDefault(actor: Actor, workspaceId: string, allow: boolean): Promise<{ allow: boolean }> {
  const value = z.boolean().parse(allow);
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, ownerId: true } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "workspace.manage");
  await db.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: workspace.id }, data: { shareAllowAddDefault: value } });
    await recordAudit(tx, { workspaceId: workspace.id, actorId: actor.id, action: "workspace.share_add_default_changed", resourceType: "workspace", resourceId: workspace.id, details: { allow: value } });
  });
  return { allow: value };
}
