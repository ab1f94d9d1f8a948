import "server-only";
import { createElement } from "react";
import { getDb } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { renderEmail } from "@/lib/email/render";
import { AccessReviewEmail, accessReviewSubject, type AccessReviewEntry } from "@/lib/email/templates/access-review";
import type { JobScope } from "@/lib/jobs/registry";
import { sendOnce } from "@/lib/jobs/send-once";
import { DAY_MS, reviewEveryDays, reviewUnusedDays } from "@/lib/reminders/config";
import { canDowngradeLink, lowerRole, reviewPath } from "./choices";
import { describeReviewItems } from "./describe-item";
import { findUnusedAccess } from "./find-unused";

const JOB = "access-review";
/** Entries per e-mail; the rest are counted and reached through the workspace's sharing page. */
const MAX_ENTRIES = 50;

/**
 * The key of one review e-mail: once per workspace, manager and review period (periods are
 * ACCESS_REVIEW_EVERY_DAYS long, counted from the Unix epoch, so every instance agrees on them).
 */
export const reviewKey = (workspaceId: string, to: string, now: Date) =>
  `review:${workspaceId}:${Math.floor(now.getTime() / (reviewEveryDays() * DAY_MS))}:${to.toLowerCase()}`;

/**
 * E-mails each workspace's managers (owner and admins) the grants and access links nobody used for
 * ACCESS_REVIEW_DAYS, once per review period, each with keep / downgrade / revoke links to pages
 * in the app where the manager confirms. A workspace with nothing unused gets no e-mail.
 */
export async function sendAccessReviews(now: Date, scope: JobScope = {}): Promise<{ sent: number }> {
  const unusedDays = reviewUnusedDays();
  if (unusedDays === 0) return { sent: 0 };
  const cutoff = new Date(now.getTime() - unusedDays * DAY_MS);
  const db = getDb();
  const workspaces = await db.workspace.findMany({
    where: scope.workspaceId ? { id: scope.workspaceId } : {},
    select: {
      id: true,
      name: true,
      slug: true,
      owner: { select: { email: true, username: true } },
      members: { where: { role: "admin" }, select: { user: { select: { email: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  let sent = 0;
  for (const workspace of workspaces) {
    const managers = [workspace.owner.email, ...workspace.members.map((m) => m.user.email)];
    const due = [];
    for (const to of managers)
      if (!(await db.jobSend.findUnique({ where: { key: reviewKey(workspace.id, to, now) } }))) due.push(to);
    if (due.length === 0) continue;
    const items = await findUnusedAccess(workspace.id, cutoff, now);
    if (items.length === 0) continue;
    const described = await describeReviewItems(items);
    const listed = items.filter((i) => described.has(`${i.kind}:${i.id}`));
    if (listed.length === 0) continue;
    const url = (path: string) => `${appUrl()}${path}`;
    const entries: AccessReviewEntry[] = listed.slice(0, MAX_ENTRIES).map((item) => ({
      title: described.get(`${item.kind}:${item.id}`)!.title,
      lastUsedAt: item.lastUsedAt,
      keepUrl: url(reviewPath(item.kind, item.id, "keep")),
      downgradeUrl: (item.kind === "share" ? lowerRole(item.role) : canDowngradeLink(item))
        ? url(reviewPath(item.kind, item.id, "downgrade"))
        : null,
      revokeUrl: url(reviewPath(item.kind, item.id, "revoke")),
    }));
    const props = {
      workspace: workspace.name,
      unusedDays,
      entries,
      more: listed.length - entries.length,
      sharingUrl: url("/shared/by-me"),
    };
    const rendered = await renderEmail(
      accessReviewSubject(workspace.name, listed.length),
      createElement(AccessReviewEmail, props),
    );
    for (const to of due) {
      const queued = await sendOnce(
        JOB,
        reviewKey(workspace.id, to, now),
        async () => ({ to, kind: "access-review", ...rendered }),
        {
          workspaceId: workspace.id,
          action: "workspace.access_review_sent",
          resourceType: "workspace",
          resourceId: workspace.id,
          details: {
            to,
            grants: listed.filter((i) => i.kind === "share").length,
            links: listed.filter((i) => i.kind === "link").length,
          },
        },
      );
      if (queued) sent++;
    }
  }
  return { sent };
}
