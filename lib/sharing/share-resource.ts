import "server-only";
import { type Actor, assertCan, getWorkspaceRole } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/sender";
import { AppError } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { hashToken, newToken } from "@/lib/util/tokens";
import { renderShareEmail } from "./notify";
import { type Grantee, resolveGrantee } from "./resolve-grantee";
import { type ResourceType, type ShareInput, shareInput } from "./schemas";
import { loadSharedResource, type SharedResource } from "./shared-resource";

export const SHARE_INVITATION_DAYS = Number(process.env.SHARE_INVITATION_DAYS || 7);

export type ShareOutcome = { shareId: string; grantee: string; granteeType: Grantee["type"]; role: string; change: "created" | "updated" };

async function refuseNonsense(actor: Actor, grantee: Grantee, target: SharedResource) {
  const { workspace } = target;
  if (grantee.type === "user") {
    if (grantee.userId === actor.id) throw new AppError("invalid", "You cannot share with yourself.");
    const role = await getWorkspaceRole({ id: grantee.userId, email: grantee.email, username: null }, { id: workspace.id, ownerId: target.resource.workspaceOwnerId });
    if (role === "owner" || role === "manager") throw new AppError("invalid", `${grantee.label} already manages this workspace.`);
  }
  if (grantee.type === "workspace" && grantee.workspaceId === workspace.id) {
    throw new AppError("invalid", "That is the workspace this belongs to; add people as members instead.");
  }
}

/**
 * Shares a resource with people, e-mail addresses or workspaces. Rule: only managers share
 * (others get the owner-only 403); sharing again with the same grantee changes the role (one
 * row per grantee and resource, also under concurrent requests); every grant is audited and
 * notified through the outbox in the same transaction.
 */
export async function shareResource(actor: Actor, type: ResourceType, id: string, raw: ShareInput): Promise<ShareOutcome[]> {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  const input = shareInput.parse(raw);
  const grantees: Grantee[] = [];
  for (const text of input.grantees) {
    const grantee = await resolveGrantee(text);
    await refuseNonsense(actor, grantee, target);
    if (!grantees.some((g) => g.key === grantee.key)) grantees.push(grantee);
  }
  const db = getDb();
  const settings = await db.workspace.findUniqueOrThrow({ where: { id: target.workspace.id }, select: { shareEmailSubject: true, shareEmailIntro: true } });
  const sharer = actor.username ?? actor.email;
  const outcomes: ShareOutcome[] = [];

  for (const grantee of grantees) {
    const invitation = grantee.type === "email" ? newToken("inv") : null;
    const recipient = grantee.type === "workspace"
      ? (await db.user.findUniqueOrThrow({ where: { id: grantee.ownerId }, select: { email: true } })).email
      : grantee.email;
    const message = await renderShareEmail({
      sharer, what: target.label, role: input.role, note: input.note, expiresAt: input.expiresAt, settings,
      link: invitation ? `/invite/share/${invitation.token}` : target.path, invitation: Boolean(invitation),
    });
    const data = {
      role: input.role, note: input.note ?? null, expiresAt: input.expiresAt ?? null, createdById: actor.id,
    };
    const write = () => db.$transaction(async (tx) => {
      const existing = await tx.share.findUnique({ where: { resourceType_resourceId_granteeKey: { resourceType: type, resourceId: id, granteeKey: grantee.key } } });
      const share = existing
        ? await tx.share.update({ where: { id: existing.id }, data })
        : await tx.share.create({
            data: {
              ...data, workspaceId: target.workspace.id, resourceType: type, resourceId: id, granteeType: grantee.type, granteeKey: grantee.key,
              granteeUserId: grantee.type === "user" ? grantee.userId : null,
              granteeEmail: grantee.type === "email" ? grantee.email : null,
              granteeWorkspaceId: grantee.type === "workspace" ? grantee.workspaceId : null,
              datasetId: type === "dataset" ? id : null,
              fileEntryId: type === "folder" || type === "file" ? id : null,
            },
          });
      if (invitation) {
        await tx.shareInvitation.create({
          data: { shareId: share.id, email: recipient, tokenHash: hashToken(invitation.token), expiresAt: new Date(Date.now() + SHARE_INVITATION_DAYS * 86_400_000) },
        });
      }
      await enqueueEmail(tx, { to: recipient, kind: invitation ? "share-invitation" : "share", ...message });
      const change = existing ? "updated" : "created";
      await recordAudit(tx, {
        workspaceId: target.workspace.id, actorId: actor.id, action: existing ? "share.role_changed" : "share.created",
        resourceType: type, resourceId: id,
        details: { grantee: grantee.label, granteeType: grantee.type, role: input.role, ...(existing ? { from: existing.role } : {}), ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}) },
      });
      return { shareId: share.id, grantee: grantee.label, granteeType: grantee.type, role: input.role, change } satisfies ShareOutcome;
    });
    try {
      outcomes.push(await write());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      outcomes.push(await write()); // a concurrent share created the row first: this becomes a role change
    }
  }
  kickOutbox();
  return outcomes;
}
