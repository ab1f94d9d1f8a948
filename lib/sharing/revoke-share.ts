import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type GranteeType, type ResourceType, type ShareRole } from "@/lib/db";
import { displayNameOf } from "@/lib/users/display-name";
import { enqueueEmail } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/sender";
import { notFound } from "@/lib/util/errors";
import { deleteDerivedGrants } from "./derived-grants";
import { renderAccessEndedEmail } from "./notify";
import { resourceTypeSchema } from "./schemas";
import { loadSharedResource } from "./shared-resource";

type ShareRow = {
  id: string;
  workspaceId: string;
  resourceType: ResourceType;
  resourceId: string;
  granteeType: GranteeType;
  granteeKey: string;
  granteeUserId: string | null;
  granteeEmail: string | null;
  granteeWorkspaceId: string | null;
  role: ShareRole;
};

/** Who hears that each grant ended, by grant id: the user, the invited address or the grantee workspace's owner. */
async function recipientsOf(shares: ShareRow[]): Promise<Map<string, string>> {
  const db = getDb();
  const userIds = shares.flatMap((s) => (s.granteeUserId ? [s.granteeUserId] : []));
  const workspaceIds = shares.flatMap((s) => (!s.granteeUserId && s.granteeWorkspaceId ? [s.granteeWorkspaceId] : []));
  const [users, workspaces] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
    workspaceIds.length
      ? db.workspace.findMany({
          where: { id: { in: workspaceIds } },
          select: { id: true, owner: { select: { email: true } } },
        })
      : [],
  ]);
  const userEmail = new Map(users.map((u) => [u.id, u.email]));
  const ownerEmail = new Map(workspaces.map((w) => [w.id, w.owner.email]));
  const out = new Map<string, string>();
  for (const s of shares) {
    const to = s.granteeUserId
      ? userEmail.get(s.granteeUserId)
      : (s.granteeEmail ?? (s.granteeWorkspaceId ? ownerEmail.get(s.granteeWorkspaceId) : undefined));
    if (to) out.set(s.id, to);
  }
  return out;
}

/** Grants of one resource removed per transaction (a bulk revoke of thousands stays in short transactions). */
const CHUNK = 200;

/**
 * Removes grants, whatever their role. Rule: managers of the resource revoke any grant, and a
 * grantee may remove their own (leave). Access is checked once per resource, for every resource
 * before anything changes; revocation takes effect on the grantee's very next request because
 * access is never cached. Grantees are told by e-mail (not when they left themselves).
 * Workspace grants a grantee added from a grant end with it.
 */
export async function revokeGrants(actor: Actor, shares: ShareRow[]): Promise<void> {
  const byResource = new Map<string, ShareRow[]>();
  for (const share of shares) {
    const key = `${share.resourceType}:${share.resourceId}`;
    const group = byResource.get(key);
    if (group) group.push(share);
    else byResource.set(key, [share]);
  }
  const leaving = (s: ShareRow) => s.granteeUserId === actor.id;
  // Every access check first: a refusal on any resource leaves all of them as they were.
  const plans = [];
  for (const group of byResource.values()) {
    const { resourceType, resourceId } = group[0]!;
    const target = await loadSharedResource(resourceType, resourceId);
    if (group.some((s) => !leaving(s))) await assertCan(actor, "manage", target.resource);
    plans.push({ group, label: target.label });
  }
  for (const { group, label } of plans) {
    const recipients = await recipientsOf(group.filter((s) => !leaving(s)));
    const message = recipients.size ? await renderAccessEndedEmail(await displayNameOf(actor), label) : null;
    for (let i = 0; i < group.length; i += CHUNK) {
      await getDb().$transaction(async (tx) => {
        for (const share of group.slice(i, i + CHUNK)) {
          const removed = await tx.share.deleteMany({ where: { id: share.id } });
          if (removed.count === 0) throw notFound("That grant no longer exists.");
          await tx.shareInvitation.deleteMany({ where: { shareId: share.id } });
          const derived = await deleteDerivedGrants(tx, share.id);
          const to = recipients.get(share.id);
          if (to && message) await enqueueEmail(tx, { to, kind: "access-ended", ...message });
          await recordAudit(tx, {
            workspaceId: share.workspaceId,
            actorId: actor.id,
            action: leaving(share) ? "share.left" : "share.revoked",
            resourceType: share.resourceType,
            resourceId: share.resourceId,
            details: {
              grantee: share.granteeKey,
              granteeType: share.granteeType,
              role: share.role,
              ...(derived ? { workspaceGrantsEnded: derived } : {}),
            },
          });
        }
      });
    }
  }
  kickOutbox();
}

/** Removes one grant under revokeGrants' rule; an unknown grant is a 404. */
export async function revokeShare(actor: Actor, shareId: string): Promise<void> {
  const share = await getDb().share.findUnique({ where: { id: shareId } });
  if (!share) throw notFound("That grant no longer exists.");
  await revokeGrants(actor, [share]);
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
