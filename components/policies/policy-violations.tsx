"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { revokeLinkAction } from "@/lib/actions/links/revoke-link";
import { shortenToPolicyAction } from "@/lib/actions/policies/shorten-to-policy";
import { revokeShareAction } from "@/lib/actions/sharing/revoke-share";
import type { PolicyViolation } from "@/lib/policies/list-violations";
import type { PolicyRule } from "@/lib/policies/rules";
import type { SharingPolicy } from "@/lib/policies/schemas";
import { formatDate, formatNumber } from "@/lib/util/format";
import type { Result } from "@/lib/util/result";

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** "3 links last longer than 30 days": one line per broken rule. */
function summary(rule: PolicyRule, n: number, policy: SharingPolicy): string {
  switch (rule) {
    case "link_lifetime":
      return `${count(n, "link lasts", "links last")} longer than ${policy.linkMaxDays} days`;
    case "link_password":
      return `${count(n, "link has", "links have")} no password`;
    case "public_links":
      return `${count(n, "link is", "links are")} open to anyone with the link`;
    case "email_domain":
      return `${count(n, "grant goes", "grants go")} to addresses outside ${policy.allowedEmailDomains.join(", ")}`;
    case "external_grant_lifetime":
      return `${count(n, "grant", "grants")} to people outside the workspace ${n === 1 ? "lasts" : "last"} longer than ${policy.externalGrantMaxDays} days`;
    case "add_to_workspace":
      return `${count(n, "grant was added or may be added", "grants were added or may be added")} to recipients' own workspaces`;
  }
}

/**
 * Live links and grants that break the workspace's sharing policy, for its managers to fix:
 * a count per broken rule, then each one with its resource, and Revoke or (when its lifetime
 * is the only problem) Shorten, one click each.
 */
export function PolicyViolations({ violations, policy }: { violations: PolicyViolation[]; policy: SharingPolicy }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<Result<unknown>>, success: string) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        toast.success(success);
        router.refresh();
      } else toast.error(result.message);
    });

  if (!violations.length)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Every live link and grant meets the policy.</p>;
  const byRule = new Map<PolicyRule, number>();
  for (const v of violations) for (const b of v.breaches) byRule.set(b.rule, (byRule.get(b.rule) ?? 0) + 1);
  return (
    <div className="space-y-3">
      <ul
        className="list-disc pl-5 text-sm font-medium text-amber-800 dark:text-amber-300"
        aria-label="Policy breaches"
      >
        {[...byRule].map(([rule, n]) => (
          <li key={rule}>{summary(rule, n, policy)}</li>
        ))}
      </ul>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Links and grants to fix">
        {violations.map((v) => (
          <li
            key={`${v.kind}:${v.id}`}
            className="flex flex-wrap items-center justify-between gap-2 py-2"
            data-testid="policy-violation"
          >
            <div className="min-w-0 text-sm">
              <p className="font-medium">
                {v.kind === "link" ? "Link" : "Grant to"} {v.name} on{" "}
                <Link className="underline" href={v.resource.path}>
                  {v.resource.name}
                </Link>
                <span className="text-xs font-normal text-zinc-500">
                  {" "}
                  · {v.expiresOn ? `ends ${formatDate(v.expiresOn)}` : "no end date"}
                </span>
              </p>
              {v.breaches.map((b) => (
                <p key={b.rule} className="text-xs text-zinc-500">
                  {b.message}
                </p>
              ))}
            </div>
            <div className="flex gap-1">
              {v.shortenTo ? (
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={`Shorten ${v.name} to ${formatDate(v.shortenTo)}`}
                  onClick={() =>
                    run(() => shortenToPolicyAction({ kind: v.kind, id: v.id }), `Now ends ${formatDate(v.shortenTo)}`)
                  }
                >
                  Shorten to {formatDate(v.shortenTo)}
                </Button>
              ) : null}
              <Button
                variant="ghost"
                disabled={pending}
                aria-label={`Revoke ${v.name}`}
                onClick={() =>
                  run(
                    () =>
                      v.kind === "link" ? revokeLinkAction({ linkId: v.id }) : revokeShareAction({ shareId: v.id }),
                    v.kind === "link" ? "Link revoked" : "Access removed",
                  )
                }
              >
                Revoke
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
