import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/sender";
import { notFound } from "@/lib/util/errors";
import { deleteDerivedGrants } from "./derived-grants";
import { renderAccessEndedEmail } from "./notify";
import { resourceTypeSchema } from "./schemas";
import { loadSharedResource } from "./shared-resource";

async function recipientOf(share: {
  granteeType: string;
  granteeUserId: string | null;
  granteeEmail: string | null;
  granteeWorkspaceId: string | null;
}) {
  const db = getDb();
  if (share.granteeUserId)
    return (await db.user.findUnique({ where: { id: share.granteeUserId }, select: { email: true } }))?.email ?? null;
  if (share.granteeEmail) return share.granteeEmail;
  if (share.granteeWorkspaceId) {
    return (
      (
        await db.workspace.findUnique({
          where: { id: share.granteeWorkspaceId },
          select: { owner: { select: { email: true } } },
        })
      )?.owner.email ?? null
    );
  }
  return null;
}

/**
 * Removes one grant, whatever its role. Rule: managers of the resource revoke any grant, and a
 * grantee may remove their own (leave); it takes effect on the grantee's very next request
 * because access is never cached. The grantee is told by e-mail (not when they left themselves).
 * Workspace grants the grantee added from this grant end with it.
 */
export async function revokeShare(actor: Actor, shareId: string): Promise<void> {
  const db = getDb();
  const share = await db.share.findUnique({ where: { id: shareId } });
  if (!share) throw notFound("That grant no longer exists.");
  const target = await loadSharedResource(share.resourceType, share.resourceId);
  const leaving = share.granteeUserId === actor.id;
  if (!leaving) await assertCan(actor, "manage", target.resource);
  const to = leaving ? null : await recipientOf(share);
  const message = to ? await renderAccessEndedEmail(actor.username ?? actor.email, target.label) : null;
  await db.$transaction(async (tx) => {
    const removed = await tx.share.deleteMany({ where: { id: share.id } });
    if (removed.count === 0) throw notFound("That grant no longer exists.");
    await tx.shareInvitation.deleteMany({ where: { shareId: share.id } });
    const derived = await deleteDerivedGrants(tx, share.id);
    if (to && message) await enqueueEmail(tx, { to, kind: "access-ended", ...message });
    await recordAudit(tx, {
      workspaceId: share.workspaceId,
      actorId: actor.id,
      action: leaving ? "share.left" : "share.revoked",
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: {
        grantee: share.granteeKey,
        granteeType: share.granteeType,
        role: share.role,
        ...(derived ? { workspaceGrantsEnded: derived } : {}),
      },
    });
  });
  kickOutbox();
}

/** DataLinks-style revoke by grantee key on a resource (the role named in the request does not matter). */
export async function revokeGrantee(actor: Actor, type: string, resourceId: string, granteeKey: string): Promise<void> {
  const resourceType = resourceTypeSchema.parse(type);
  const target = await loadSharedResource(resourceType, resourceId);
  await assertCan(actor, "manage", target.resource);
  const share = await getDb().share.findUnique({
    where: { resourceType_resourceId_granteeKey: { resourceType, resourceId, granteeKey } },
    select: { id: true },
  });
  if (!share) throw notFound("That person has no grant on this resource.");
  await revokeShare(actor, share.id);
}

/**
 * Revokes the grant made to an e-mail address on a resource, pending or since accepted. Rule: it
 * matches the address the sharer typed, never an account's address, so it answers the same
 * whether or not that address has an account.
 */
export async function revokeGranteeByEmail(
  actor: Actor,
  type: string,
  resourceId: string,
  email: string,
): Promise<void> {
  const resourceType = resourceTypeSchema.parse(type);
  const target = await loadSharedResource(resourceType, resourceId);
  await assertCan(actor, "manage", target.resource);
  const share = await getDb().share.findFirst({
    where: { resourceType, resourceId, granteeEmail: email.toLowerCase() },
    select: { id: true },
  });
  if (!share) throw notFound("That person has no grant on this resource.");
  await revokeShare(actor, share.id);
}
