import Link from "next/link";
import { ReviewDecisionForm } from "@/components/access-review/review-decision-form";
import { AuthCard } from "@/components/auth/auth-card";
import { REVIEW_DECISIONS, REVIEW_KINDS, reviewPath, type ReviewDecision } from "@/lib/access-review/choices";
import { loadReviewItem, type ReviewItem } from "@/lib/access-review/review-item";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/util/errors";
import { formatDate } from "@/lib/util/format";

export const metadata = { title: "Access review" };
export const dynamic = "force-dynamic";

const TITLES: Record<ReviewDecision, string> = {
  keep: "Keep this access?",
  downgrade: "Downgrade this access?",
  revoke: "Revoke this access?",
};

function explain(item: ReviewItem, decision: ReviewDecision): string {
  if (decision === "keep") return "It stays as it is and is not listed as unused again for this review period.";
  if (decision === "downgrade")
    return item.downgradeTo
      ? `It becomes ${item.downgradeTo}.`
      : "It already has the lowest access: keep or revoke it instead.";
  return item.kind === "share"
    ? "The grantee loses access at once and is told by e-mail."
    : "The link stops working at once for everyone who has it.";
}

/**
 * An access review's one-click target: shows the grant or link and the choice; only the button's
 * POST changes anything (a mail scanner opening the link changes nothing). Managers only.
 */
export default async function AccessReviewPage({
  params,
}: {
  params: Promise<{ kind: string; id: string; decision: string }>;
}) {
  const { kind, id, decision } = await params;
  const user = await requireUser();
  const validKind = REVIEW_KINDS.find((k) => k === kind);
  const validDecision = REVIEW_DECISIONS.find((d) => d === decision);
  let item: ReviewItem | null = null;
  let problem = "This review link is not valid.";
  if (validKind && validDecision) {
    try {
      item = await loadReviewItem(user, validKind, decodeURIComponent(id));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem =
        error.code === "not_found"
          ? "This grant or link no longer exists, or you cannot manage it."
          : "You cannot manage this grant or link.";
    }
  }
  if (!item || !validKind || !validDecision)
    return (
      <AuthCard title="Access review">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{problem}</p>
      </AuthCard>
    );
  const others = REVIEW_DECISIONS.filter((d) => d !== validDecision && (d !== "downgrade" || item.downgradeTo));
  return (
    <AuthCard title={TITLES[validDecision]}>
      <div className="space-y-4 text-sm text-zinc-700 dark:text-zinc-300">
        <p className="font-medium text-zinc-900 dark:text-zinc-100">{item.title}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-zinc-600 dark:text-zinc-400">
          <dt>Created</dt>
          <dd>{formatDate(item.createdAt)}</dd>
          <dt>Last used</dt>
          <dd>{item.lastUsedAt ? formatDate(item.lastUsedAt) : "Never"}</dd>
          {item.reviewedAt ? (
            <>
              <dt>Last kept</dt>
              <dd>{formatDate(item.reviewedAt)}</dd>
            </>
          ) : null}
        </dl>
        <p>{explain(item, validDecision)}</p>
        {validDecision !== "downgrade" || item.downgradeTo ? (
          <ReviewDecisionForm kind={validKind} id={item.id} decision={validDecision} resourcePath={item.path} />
        ) : null}
        <p className="text-xs text-zinc-500">
          Or:{" "}
          {others.map((d, i) => (
            <span key={d}>
              {i > 0 ? " · " : ""}
              <Link href={reviewPath(validKind, item.id, d)} className="underline">
                {d}
              </Link>
            </span>
          ))}
        </p>
      </div>
    </AuthCard>
  );
}
