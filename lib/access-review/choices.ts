import type { ShareRole } from "@/lib/db";

export const REVIEW_DECISIONS = ["keep", "downgrade", "revoke"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_KINDS = ["share", "link"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** One step down for a grant's role: editor → viewer → view-only; view-only has none. */
export function lowerRole(role: ShareRole): ShareRole | null {
  return role === "editor" ? "viewer" : role === "viewer" ? "viewonly" : null;
}

/** What "downgrade" does to a link: it becomes view-only; a view-only link has no downgrade. */
export const canDowngradeLink = (link: { allowDownload: boolean }) => link.allowDownload;

/** The in-app page where a manager confirms one review choice (the e-mail's one click). */
export const reviewPath = (kind: ReviewKind, id: string, decision: ReviewDecision) =>
  `/review/${kind}/${encodeURIComponent(id)}/${decision}`;
