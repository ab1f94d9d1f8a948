"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { decideAccessReviewAction } from "@/lib/actions/access-review/decide-access-review";
import type { ReviewDecision, ReviewKind } from "@/lib/access-review/choices";

const CONFIRM: Record<ReviewDecision, string> = {
  keep: "Keep access",
  downgrade: "Downgrade",
  revoke: "Revoke access",
};
const DONE: Record<ReviewDecision, string> = {
  keep: "Kept. It will not be listed as unused again for this review period.",
  downgrade: "Downgraded.",
  revoke: "Revoked. It no longer gives access.",
};

/** The one POST of an access-review choice: nothing changes until the manager presses the button. */
export function ReviewDecisionForm({
  kind,
  id,
  decision,
  resourcePath,
}: {
  kind: ReviewKind;
  id: string;
  decision: ReviewDecision;
  resourcePath: string;
}) {
  const [result, action, pending] = useActionState(decideAccessReviewAction, null);
  if (result?.ok)
    return (
      <div className="space-y-3">
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          {DONE[decision]}
        </p>
        <Link href={resourcePath} className="text-sm text-brand-700 underline dark:text-brand-500">
          Open the resource
        </Link>
      </div>
    );
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value={decision} />
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {result.message}
        </p>
      ) : null}
      <Button
        type="submit"
        className="w-full"
        disabled={pending}
        variant={decision === "revoke" ? "danger" : undefined}
      >
        {pending ? "Saving…" : CONFIRM[decision]}
      </Button>
    </form>
  );
}
