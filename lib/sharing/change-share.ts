import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/sender";
import { notFound } from "@/lib/util/errors";
import { hashToken, newToken } from "@/lib/util/tokens";
import { renderShareEmail } from "./notify";
import { SHARE_INVITATION_DAYS } from "./share-resource";
import { type ShareRole, resourceTypeSchema, shareRoleSchema } from "./schemas";
import { loadSharedResource } from "./shared-resource";

async function managedShare(actor: Actor, shareId: string) {
  const share = await getDb().share.findUnique({ where: { id: shareId } });
  if (!share) throw notFound("That grant no longer exists.");
  const target = await loadSharedResource(resourceTypeSchema.parse(share.resourceType), share.resourceId);
  await assertCan(actor, "manage", target.resource);
  return { share, target };
}

/** Changes a grant's role (managers only); effective on the grantee's next request. */
export async function changeShareRole(actor: Actor, shareId: string, role: ShareRole): Promise<void> {
  const next = shareRoleSchema.parse(role);
  const { share } = await managedShare(actor, shareId);
  if (share.role === next) return;
  await getDb().$transaction(async (tx) => {
    await tx.share.update({ where: { id: share.id }, data: { role: next } });
    await recordAudit(tx, { workspaceId: share.workspaceId, actorId: actor.id, action: "share.role_changed", resourceType: share.resourceType, resourceId: share.resourceId, details: { grantee: share.granteeKey, from: share.role, role: next } });
  });
}

/** Sends a pending e-mail grantee a fresh invitation link (older links of that grant stop working). */
export async function resendShareInvitation(actor: Actor, shareId: string): Promise<void> {
  const { share, target } = await managedShare(actor, shareId);
  if (share.granteeType !== "email" || !share.granteeEmail) throw notFound("Only pending invitations can be resent.");
  const db = getDb();
  const settings = await db.workspace.findUniqueOrThrow({ where: { id: share.workspaceId }, select: { shareEmailSubject: true, shareEmailIntro: true } });
  const invitation = newToken("inv");
  const message = await renderShareEmail({
    sharer: actor.username ?? actor.email, what: target.label, role: share.role, note: share.note, expiresAt: share.expiresAt,
    settings, link: `/invite/share/${invitation.token}`, invitation: true,
  });
  await db.$transaction(async (tx) => {
    await tx.shareInvitation.deleteMany({ where: { shareId: share.id, usedAt: null } });
    await tx.shareInvitation.create({ data: { shareId: share.id, email: share.granteeEmail!, tokenHash: hashToken(invitation.token), expiresAt: new Date(Date.now() + SHARE_INVITATION_DAYS * 86_400_000) } });
    await enqueueEmail(tx, { to: share.granteeEmail!, kind: "share-invitation", ...message });
    await recordAudit(tx, { workspaceId: share.workspaceId, actorId: actor.id, action: "share.invitation_resent", resourceType: share.resourceType, resourceId: share.resourceId, details: { email: share.granteeEmail } });
  });
  kickOutbox();
}
