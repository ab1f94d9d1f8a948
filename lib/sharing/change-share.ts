import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { displayNameOf } from "@/lib/users/display-name";
import { enqueueEmail } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/sender";
import { invalid, notFound } from "@/lib/util/errors";
import { newToken } from "@/lib/util/tokens";
import { atLeast } from "@/lib/access/roles";
import { checkPolicy } from "@/lib/policies/check-policy";
import { shareSubject } from "@/lib/policies/share-subject";
import { assertAggregateTarget } from "@/lib/aggregate/grant-rules";
import { capDerivedGrants } from "./derived-grants";
import { renderShareEmail } from "./notify";
import { createShareInvitation } from "./share-invitation-record";
import { assertResendAllowed, logShareMail } from "./share-mail-limit";
import { type ShareRole, shareRoleSchema } from "./schemas";
import { loadSharedResource } from "./shared-resource";

async function managedShare(actor: Actor, shareId: string) {
  const share = await getDb().share.findUnique({ where: { id: shareId } });
  if (!share) throw notFound("That grant no longer exists.");
  const target = await loadSharedResource(share.resourceType, share.resourceId);
  await assertCan(actor, "manage", target.resource);
  return { share, target };
}

/**
 * Changes a grant's role (managers only); effective on the grantee's next request. Sends no e-mail.
 * Raising it is checked against the workspace's sharing policy (a grant that breaks it may only go down).
 */
export async function changeShareRole(actor: Actor, shareId: string, role: ShareRole): Promise<void> {
  const next = shareRoleSchema.parse(role);
  const { share } = await managedShare(actor, shareId);
  assertAggregateTarget(next, share.resourceType);
  if (share.role === next) return;
  if (share.scope !== null && next === "editor")
    throw invalid("A slice is shared read-only: choose “Can view” or “Viewer”.", { role: "Not with a slice" });
  if (atLeast(next, share.role)) await checkPolicy(share.workspaceId, await shareSubject(share));
  await getDb().$transaction(async (tx) => {
    const updated = await tx.share.update({ where: { id: share.id }, data: { role: next } });
    await capDerivedGrants(tx, updated);
    await recordAudit(tx, {
      workspaceId: share.workspaceId,
      actorId: actor.id,
      action: "share.role_changed",
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: { grantee: share.granteeKey, from: share.role, role: next },
    });
  });
}

/**
 * "Resend": e-mails the grantee about this grant again, the only way a grant is notified twice.
 * A pending e-mail grantee gets a fresh invitation link (older links of that grant stop working);
 * a person or workspace gets the share notification. Managers only; within the share-mail limits.
 */
export async function resendShareEmail(actor: Actor, shareId: string): Promise<void> {
  const { share, target } = await managedShare(actor, shareId);
  const db = getDb();
  const to =
    share.granteeType === "email"
      ? share.granteeEmail
      : share.granteeUserId
        ? (await db.user.findUnique({ where: { id: share.granteeUserId }, select: { email: true } }))?.email
        : share.granteeWorkspaceId
          ? (
              await db.workspace.findUnique({
                where: { id: share.granteeWorkspaceId },
                select: { owner: { select: { email: true } } },
              })
            )?.owner.email
          : null;
  if (!to) throw notFound("That grant no longer exists.");
  await assertResendAllowed(actor, to);
  const settings = await db.workspace.findUniqueOrThrow({
    where: { id: share.workspaceId },
    select: { shareEmailSubject: true, shareEmailIntro: true },
  });
  const invitation = share.granteeType === "email" ? newToken("inv") : null;
  const message = await renderShareEmail({
    sharer: await displayNameOf(actor),
    what: target.label,
    role: share.role,
    note: share.note,
    expiresAt: share.expiresAt,
    settings,
    link: invitation ? `/invite/share/${invitation.token}` : target.path,
    invitation: Boolean(invitation),
  });
  await db.$transaction(async (tx) => {
    if (invitation) {
      await tx.shareInvitation.deleteMany({ where: { shareId: share.id, usedAt: null } });
      await createShareInvitation(tx, { shareId: share.id, email: to, token: invitation.token });
    }
    await enqueueEmail(tx, { to, kind: invitation ? "share-invitation" : "share", ...message });
    await logShareMail(tx, actor.id, to);
    await recordAudit(tx, {
      workspaceId: share.workspaceId,
      actorId: actor.id,
      action: invitation ? "share.invitation_resent" : "share.notification_resent",
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: { grantee: share.granteeKey },
    });
  });
  kickOutbox();
}
