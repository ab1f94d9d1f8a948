import "server-only";
import { createElement } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { displayNameOf } from "@/lib/users/display-name";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/email/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { kickOutbox } from "@/lib/email/sender";
import { WorkspaceInviteEmail } from "@/lib/email/templates/workspace-invite";
import { emailSchema } from "@/lib/users/schemas";
import { AppError, conflict, invalid, notFound } from "@/lib/util/errors";
import { hashToken, newToken } from "@/lib/util/tokens";
import { assertResendAllowed, assertShareMailAllowed, logShareMail } from "@/lib/sharing/share-mail-limit";
import { memberRoleSchema } from "./schemas";

const INVITATION_DAYS = 14;

export const inviteInput = z.object({ email: emailSchema, role: memberRoleSchema.default("member") });

/**
 * Invites an e-mail address to a workspace (managers only). The e-mail carries a single-use
 * token whose SHA-256 alone is stored; re-inviting the same address replaces the old link. The
 * invitation e-mails count towards the sender's share-mail limits (lib/sharing/share-mail-limit.ts),
 * and re-inviting is a resend (with its pause).
 */
export async function inviteMember(actor: Actor, workspaceId: string, input: z.input<typeof inviteInput>) {
  const { email, role } = inviteInput.parse(input);
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, include: { owner: true } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  if (workspace.owner.email === email)
    throw invalid("That is the workspace owner.", { email: "That is the workspace owner." });
  const existing = await db.membership.findFirst({ where: { workspaceId, user: { email } } });
  if (existing) throw conflict(`${email} is already a member.`, { email: "Already a member." });

  const pending = await db.workspaceInvitation.findFirst({
    where: { workspaceId, email, acceptedAt: null },
    select: { id: true },
  });
  if (pending) await assertResendAllowed(actor, email);
  else await assertShareMailAllowed(actor, [email]);

  const { token, hash } = newToken("inv");
  const url = `${appUrl()}/invite/${token}`;
  const inviter = await displayNameOf(actor);
  const message = await renderEmail(
    `${inviter} invited you to ${workspace.name} on Datashelf`,
    createElement(WorkspaceInviteEmail, { url, inviter, workspace: workspace.name, role }),
  );
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.workspaceInvitation.upsert({
      where: { workspaceId_email: { workspaceId, email } },
      create: { workspaceId, email, role, inviterId: actor.id, tokenHash: hash, expiresAt },
      update: { role, inviterId: actor.id, tokenHash: hash, expiresAt, acceptedAt: null },
    });
    await enqueueEmail(tx, { to: email, kind: "workspace-invite", ...message });
    await logShareMail(tx, actor.id, email);
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.invited",
      resourceType: "workspace",
      resourceId: workspaceId,
      details: { email, role },
    });
  });
  kickOutbox();
}

export async function cancelInvitation(actor: Actor, workspaceId: string, invitationId: string) {
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  await db.$transaction(async (tx) => {
    const removed = await tx.workspaceInvitation.deleteMany({
      where: { id: invitationId, workspaceId, acceptedAt: null },
    });
    if (removed.count === 0) throw notFound("Invitation not found");
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.invitation_cancelled",
      resourceType: "workspace",
      resourceId: workspaceId,
      details: { invitationId },
    });
  });
}

async function findOpenInvitation(token: string) {
  const invitation = await getDb().workspaceInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { include: { owner: { select: { username: true } } } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

/** What the invitation page shows before accepting; null when the link is unknown, used or expired. */
export async function describeInvitation(token: string) {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return null;
  return { email: invitation.email, role: invitation.role, workspaceName: invitation.workspace.name };
}

/**
 * Accepts an invitation. Rule: it binds only to the account whose e-mail is the invited address;
 * a link forwarded to someone else never grants them membership.
 */
export async function acceptInvitation(actor: Actor, token: string) {
  const invitation = await findOpenInvitation(token);
  if (!invitation) throw notFound("This invitation link has expired or was already used.");
  if (invitation.email !== actor.email) {
    throw new AppError(
      "forbidden",
      `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  const { workspace } = invitation;
  await getDb().$transaction(async (tx) => {
    if (workspace.ownerId !== actor.id) {
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId: actor.id } },
        create: { workspaceId: workspace.id, userId: actor.id, role: invitation.role },
        update: { role: invitation.role },
      });
    }
    await tx.workspaceInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      action: "member.joined",
      resourceType: "workspace",
      resourceId: workspace.id,
      details: { role: invitation.role },
    });
  });
  return { owner: workspace.owner.username ?? "", slug: workspace.slug };
}
