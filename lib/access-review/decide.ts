import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type ResourceType } from "@/lib/db";
import { revokeAccessLink } from "@/lib/links/manage-links";
import { changeShareRole } from "@/lib/sharing/change-share";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { AppError } from "@/lib/util/errors";
import { lowerRole, type ReviewDecision, type ReviewKind } from "./choices";
import { loadReviewItem } from "./review-item";

export type ReviewOutcome = { decision: ReviewDecision; title: string; path: string };

/**
 * Applies one access-review choice to a grant or link. Rule: the actor must manage the resource
 * (checked through lib/access by loadReviewItem, and again by the sharing functions it calls).
 * keep: marked reviewed, so the next reviews leave it out for ACCESS_REVIEW_DAYS; downgrade: a
 * grant one role lower (editor → viewer → view-only), a link view-only, and marked reviewed;
 * revoke: the grant removed (the grantee is told) or the link revoked. Each choice is audited.
 */
export async function decideReview(
  actor: Actor,
  kind: ReviewKind,
  id: string,
  decision: ReviewDecision,
): Promise<ReviewOutcome> {
  const item = await loadReviewItem(actor, kind, id);
  const db = getDb();
  const now = new Date();
  if (decision === "downgrade" && !item.downgradeTo)
    throw new AppError("invalid", "This already has the lowest access; keep or revoke it instead.");
  if (kind === "share") {
    if (decision === "revoke") await revokeShare(actor, id);
    if (decision === "downgrade") await changeShareRole(actor, id, lowerRole(item.raw.role as "editor" | "viewer")!);
    if (decision !== "revoke") await db.share.updateMany({ where: { id }, data: { reviewedAt: now } });
  } else {
    if (decision === "revoke") await revokeAccessLink(actor, id);
    if (decision === "downgrade")
      await db.accessLink.updateMany({ where: { id, revokedAt: null }, data: { allowDownload: false } });
    if (decision !== "revoke") await db.accessLink.updateMany({ where: { id }, data: { reviewedAt: now } });
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      workspaceId: item.workspaceId,
      actor,
      action: kind === "share" ? "share.reviewed" : "link.reviewed",
      resourceType: item.raw.resourceType as ResourceType,
      resourceId: item.raw.resourceId,
      details:
        kind === "share"
          ? { decision, grantee: item.raw.granteeKey ?? "", role: item.raw.role ?? "" }
          : { decision, linkId: id, prefix: item.raw.prefix ?? "" },
    }),
  );
  return { decision, title: item.title, path: item.path };
}
