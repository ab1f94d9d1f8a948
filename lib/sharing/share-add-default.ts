import "server-only";
import { loadPolicy } from "@/lib/policies/load-policy";
import { z } from "zod";
import { type Actor, assertCan, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import type { ResourceType } from "./schemas";
import { loadSharedResource } from "./shared-resource";

/**
 * Sets the default of a new grant's "recipients may add this to one of their workspaces" option
 * for everything shared from this workspace (off unless a manager turns it on). Managers only;
 * recorded in the activity. Existing grants keep their own setting.
 */
export async function setShareAllowAddDefault(
  actor: Actor,
  workspaceId: string,
  allow: boolean,
): Promise<{ allow: boolean }> {
  const value = z.boolean().parse(allow);
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, ownerId: true } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  await db.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: workspace.id }, data: { shareAllowAddDefault: value } });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      action: "workspace.share_add_default_changed",
      resourceType: "workspace",
      resourceId: workspace.id,
      details: { allow: value },
    });
  });
  return { allow: value };
}

/** The option's default for a new grant on this resource: its workspace's setting (managers only). */
export async function getShareAllowAddDefault(actor: Actor, type: ResourceType, id: string): Promise<boolean> {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  const w = await getDb().workspace.findUniqueOrThrow({
    where: { id: target.workspace.id },
    select: { shareAllowAddDefault: true },
  });
  return w.shareAllowAddDefault && (await loadPolicy(target.workspace.id)).addToWorkspaceAllowed;
}

/** The workspace setting as the settings page shows it (managers only). */
export async function readShareAllowAddDefault(actor: Actor, workspaceId: string): Promise<boolean> {
  const w = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, ownerId: true, shareAllowAddDefault: true },
  });
  if (!w) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, w, "manage");
  return w.shareAllowAddDefault;
}
