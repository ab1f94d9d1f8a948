import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { canDowngradeLink, lowerRole, type ReviewKind } from "./choices";
import { describeReviewItems, roleName } from "./describe-item";
import { grantLastUses } from "./grant-last-use";

export type ReviewItem = {
  kind: ReviewKind;
  id: string;
  workspaceId: string;
  title: string;
  /** the resource's page */
  path: string;
  lastUsedAt: Date | null;
  createdAt: Date;
  reviewedAt: Date | null;
  /** what "downgrade" would make of it, or null when it has no lower step */
  downgradeTo: string | null;
  raw: { resourceType: string; resourceId: string; granteeKey?: string; role?: string; prefix?: string };
};

/**
 * Loads a grant or link for an access-review choice. Rule: only someone who may manage the
 * resource (lib/access "manage") sees it; anyone else, like a gone item, gets 404 wording.
 */
export async function loadReviewItem(actor: Actor, kind: ReviewKind, id: string): Promise<ReviewItem> {
  const db = getDb();
  if (kind === "share") {
    const share = await db.share.findUnique({ where: { id } });
    if (!share) throw notFound("That grant no longer exists.");
    const described = (await describeReviewItems([{ ...share, kind: "share", lastUsedAt: null }])).get(
      `share:${share.id}`,
    );
    if (!described) throw notFound("That grant no longer exists.");
    await assertCan(actor, "manage", described.resource.resource);
    const lower = lowerRole(share.role);
    return {
      kind,
      id,
      workspaceId: share.workspaceId,
      title: described.title,
      path: described.resource.path,
      lastUsedAt: (await grantLastUses(share.workspaceId, [share])).get(share.id) ?? null,
      createdAt: share.createdAt,
      reviewedAt: share.reviewedAt,
      downgradeTo: lower ? roleName(lower) : null,
      raw: {
        resourceType: share.resourceType,
        resourceId: share.resourceId,
        granteeKey: share.granteeKey,
        role: share.role,
      },
    };
  }
  const link = await db.accessLink.findUnique({ where: { id } });
  if (!link || link.revokedAt) throw notFound("That access link no longer exists or was already revoked.");
  const described = (await describeReviewItems([{ ...link, kind: "link" }])).get(`link:${link.id}`);
  if (!described) throw notFound("That access link no longer exists or was already revoked.");
  await assertCan(actor, "manage", described.resource.resource);
  return {
    kind,
    id,
    workspaceId: link.workspaceId,
    title: described.title,
    path: described.resource.path,
    lastUsedAt: link.lastUsedAt,
    createdAt: link.createdAt,
    reviewedAt: link.reviewedAt,
    downgradeTo: canDowngradeLink(link) ? "view-only (no downloads)" : null,
    raw: { resourceType: link.resourceType, resourceId: link.resourceId, prefix: link.prefix },
  };
}
