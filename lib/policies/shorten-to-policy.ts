import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { extendAccessLink } from "@/lib/links/manage-links";
import { capDerivedGrants } from "@/lib/sharing/derived-grants";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import { AppError, notFound } from "@/lib/util/errors";
import { loadPolicy } from "./load-policy";
import { latestEnd } from "./rules";

/**
 * The Settings page's one-click fix for a link or grant that outlasts the workspace's sharing
 * policy: its end moves to the longest the policy allows from now. Managers of the resource only;
 * it only ever shortens (a link or grant already within the limit is refused, nothing changes).
 */
export async function shortenToPolicy(
  actor: Actor,
  kind: "link" | "grant",
  id: string,
): Promise<{ expiresOn: string }> {
  return kind === "link" ? shortenLink(actor, id) : shortenGrant(actor, id);
}

async function shortenLink(actor: Actor, linkId: string) {
  const link = await getDb().accessLink.findUnique({ where: { id: linkId } });
  if (!link) throw notFound("Link not found");
  await assertCan(actor, "manage", (await loadSharedResource(link.resourceType, link.resourceId)).resource);
  const { linkMaxDays } = await loadPolicy(link.workspaceId);
  if (linkMaxDays === null) throw new AppError("invalid", "This workspace's policy sets no longest link lifetime.");
  const end = latestEnd(linkMaxDays, Math.max(Date.now(), link.startsAt?.getTime() ?? 0));
  if (end >= link.expiresAt) throw new AppError("invalid", "That link already ends within the policy's limit.");
  await extendAccessLink(actor, link.id, end); // records "link.shortened"
  return { expiresOn: end.toISOString() };
}

async function shortenGrant(actor: Actor, shareId: string) {
  const db = getDb();
  const share = await db.share.findUnique({ where: { id: shareId } });
  if (!share) throw notFound("That grant no longer exists.");
  const target = await loadSharedResource(share.resourceType, share.resourceId);
  await assertCan(actor, "manage", target.resource);
  const { externalGrantMaxDays } = await loadPolicy(share.workspaceId);
  if (externalGrantMaxDays === null)
    throw new AppError("invalid", "This workspace's policy sets no longest grant lifetime for people outside it.");
  const end = latestEnd(externalGrantMaxDays);
  if (share.expiresAt && end >= share.expiresAt)
    throw new AppError("invalid", "That grant already ends within the policy's limit.");
  await db.$transaction(async (tx) => {
    const updated = await tx.share.update({ where: { id: share.id }, data: { expiresAt: end } });
    await capDerivedGrants(tx, updated);
    await recordAudit(tx, {
      workspaceId: share.workspaceId,
      actor,
      action: "share.expiry_changed",
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: {
        grantee: share.granteeKey,
        from: share.expiresAt?.toISOString() ?? null,
        expiresAt: end.toISOString(),
        reason: "policy",
      },
    });
  });
  return { expiresOn: end.toISOString() };
}
