"use client";
import { domainListText, latestEnd } from "@/lib/policies/rules";
import type { ResourceType } from "@/lib/sharing/schemas";
import { formatDate } from "@/lib/util/format";
import { useResourcePolicy } from "./use-resource-policy";

/** What the workspace's sharing policy allows when sharing with people, shown before they hit a refusal. */
export function PeoplePolicyHint({ type, id }: { type: ResourceType; id: string }) {
  const { data: policy } = useResourcePolicy(type, id);
  if (!policy) return null;
  const lines: string[] = [];
  if (policy.allowedEmailDomains.length)
    lines.push(`Only people with an address at ${domainListText(policy.allowedEmailDomains)} can be invited.`);
  if (policy.externalGrantMaxDays !== null)
    lines.push(
      `People outside this workspace need an end date: at most ${policy.externalGrantMaxDays} days, by ${formatDate(latestEnd(policy.externalGrantMaxDays))}.`,
    );
  if (!policy.addToWorkspaceAllowed) lines.push("Recipients cannot add what you share to their own workspaces.");
  if (!lines.length) return null;
  return (
    <div
      role="note"
      aria-label="Sharing policy"
      className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-medium">This workspace&apos;s sharing policy</p>
      <ul className="list-disc pl-4">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
