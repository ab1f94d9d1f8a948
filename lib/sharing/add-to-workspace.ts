import "server-only";
import { createElement } from "react";
import { type Actor, assertCanWorkspace, atLeast } from "@/lib/access";
import { userKey, workspaceKey } from "@/lib/access/grantee-keys";
import { liveGrantWhere } from "@/lib/access/grants";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { displayNameOf } from "@/lib/users/display-name";
import { appUrl } from "@/lib/email/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { kickOutbox } from "@/lib/email/sender";
import { AppError, notFound } from "@/lib/util/errors";
import { AddedToWorkspaceEmail } from "./emails/added-to-workspace-email";
import { checkPolicy } from "@/lib/policies/check-policy";
import { loadSharedResource } from "./shared-resource";
import { findShare } from "./find-share";

/**
 * B2B: a grantee gives one of their own workspaces access to something shared with them.
 * Rule: only when the sharer allowed it on that grant (403 otherwise), only by the grantee, only
 * into a workspace they manage, never onto the resource's own workspace. It adds a separate
 * workspace grant (the grantee keeps theirs, each revocable on its own) whose role and expiry
 * never exceed the grantee's grant: it is capped when that grant is lowered and ends with it
 * (change-share.ts, revoke-share.ts). The resource's managers are e-mailed; it is in its history.
 * The resource's workspace's sharing policy may forbid adding at all, and caps the added grant's lifetime.
 */
export async function addShareToWorkspace(actor: Actor, shareId: string, workspaceId: string) {
  const db = getDb();
  const share = await db.share.findFirst({
    where: { id: shareId, granteeKey: userKey(actor.id), AND: liveGrantWhere() },
  });
  if (!share) throw notFound("That grant is not yours or has ended.");
  await checkPolicy(share.workspaceId, { kind: "add-to-workspace" });
  // A slice stays with its recipient: a workspace grant made from it would be a second, unscoped one.
  if (!share.allowAddToWorkspace || share.scope !== null)
    throw new AppError(
      "forbidden",
      "The person who shared this did not allow adding it to a workspace. Ask them to share it with the workspace.",
    );
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    include: { owner: { select: { username: true } }, _count: { select: { members: true } } },
  });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  if (workspace.id === share.workspaceId) throw new AppError("invalid", "It already belongs to that workspace.");
  const target = await loadSharedResource(share.resourceType, share.resourceId);
  const key = workspaceKey(workspace.id);
  const label = `${workspace.owner.username}/${workspace.slug}`;
  // the added grant reaches people outside the resource's workspace: their lifetime rule applies to it
  await checkPolicy(share.workspaceId, {
    kind: "grant",
    label,
    email: null,
    member: false,
    expiresAt: share.expiresAt,
  });
  const grantee = await displayNameOf(actor);
  const managers = await db.user.findMany({
    where: {
      OR: [
        { id: target.resource.workspaceOwnerId },
        { memberships: { some: { workspaceId: share.workspaceId, role: "admin" } } },
      ],
    },
    select: { email: true },
  });
  const message = await renderEmail(
    `${grantee} added ${target.name} to the workspace ${label}`,
    createElement(AddedToWorkspaceEmail, {
      grantee,
      what: target.label,
      workspace: label,
      members: workspace._count.members + 1,
      role: share.role,
      url: `${appUrl()}${target.path}`,
    }),
  );
  const result = await db.$transaction(async (tx) => {
    const existing = await findShare(tx, share, key);
    if (existing && atLeast(existing.role, share.role)) {
      return { shareId: existing.id, changed: false };
    }
    const data = { role: share.role, expiresAt: share.expiresAt, sourceShareId: share.id, createdById: actor.id };
    const added = existing
      ? await tx.share.update({ where: { id: existing.id }, data })
      : await tx.share.create({
          data: {
            ...data,
            workspaceId: share.workspaceId,
            resourceType: share.resourceType,
            resourceId: share.resourceId,
            granteeType: "workspace",
            granteeKey: key,
            granteeWorkspaceId: workspace.id,
            datasetId: share.datasetId,
            fileEntryId: share.fileEntryId,
          },
        });
    for (const m of managers) await enqueueEmail(tx, { to: m.email, kind: "share-added-to-workspace", ...message });
    await recordAudit(tx, {
      workspaceId: share.workspaceId,
      actor,
      action: "share.added_to_workspace",
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: { grantee: key, workspace: label, workspaceId: workspace.id, role: share.role },
    });
    return { shareId: added.id, changed: true };
  });
  if (result.changed) kickOutbox();
  return { shareId: result.shareId };
}
