import { formatDate } from "@/lib/util/format";
import type { SharingPolicy } from "./schemas";

const DAY = 86_400_000;
/**
 * Ends are picked as calendar days in the dialogs and sent as the end of that day in the
 * browser's time zone, so "at most N days" counts the whole Nth day: up to one day of slack.
 */
export const END_OF_DAY_GRACE_MS = DAY;

export type PolicyRule =
  "link_lifetime" | "link_password" | "public_links" | "email_domain" | "add_to_workspace" | "external_grant_lifetime";

export type PolicySubject =
  | {
      kind: "link";
      mode: "public" | "authenticated";
      hasPassword: boolean;
      startsAt?: Date | null;
      expiresAt: Date;
    }
  | {
      kind: "grant";
      /** how the grantee is named in messages */
      label: string;
      /** the person's or address's e-mail; null for a workspace grantee */
      email: string | null;
      /** the grantee is the workspace's owner or a member: the external rules do not apply */
      member: boolean;
      expiresAt: Date | null;
      allowAddToWorkspace?: boolean;
      /** an existing workspace grant a recipient added from their own grant */
      addedByRecipient?: boolean;
    }
  | { kind: "add-to-workspace" };

export type PolicyBreach = { rule: PolicyRule; field: string; message: string };

/** The latest end a link or grant starting at `from` may have under a limit of `days`. */
export const latestEnd = (days: number, from: number = Date.now()) => new Date(from + days * DAY);

const withinDays = (days: number, end: Date, from: number) =>
  end.getTime() <= latestEnd(days, from).getTime() + END_OF_DAY_GRACE_MS;

/** True when the e-mail's domain is one of `domains` or a subdomain of one; any e-mail when the list is empty. */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const host = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

export const domainListText = (domains: readonly string[]) =>
  domains.length === 1 ? domains[0]! : `${domains.slice(0, -1).join(", ")} or ${domains.at(-1)}`;

/**
 * Rule: what of a new (or changed) link or grant the workspace's sharing policy forbids, one
 * entry per broken rule, each naming it. The one definition of the policy's rules: enforcement
 * (checkPolicy), the violations list and the dialog's hints all read it. Nothing = allowed.
 */
export function policyBreaches(policy: SharingPolicy, subject: PolicySubject, now = Date.now()): PolicyBreach[] {
  const out: PolicyBreach[] = [];
  if (subject.kind === "link") {
    if (policy.publicLinksDisabled && subject.mode === "public")
      out.push({
        rule: "public_links",
        field: "mode",
        message: "This workspace's sharing policy allows no “anyone with the link” links: choose signed-in users.",
      });
    if (policy.linkPasswordRequired && !subject.hasPassword)
      out.push({
        rule: "link_password",
        field: "password",
        message: "This workspace's sharing policy requires a password on every link.",
      });
    const from = Math.max(now, subject.startsAt?.getTime() ?? now);
    if (policy.linkMaxDays !== null && !withinDays(policy.linkMaxDays, subject.expiresAt, from))
      out.push({
        rule: "link_lifetime",
        field: "expiresAt",
        message: `This workspace's sharing policy allows links of at most ${days(policy.linkMaxDays)}: end it on ${formatDate(latestEnd(policy.linkMaxDays, from))} or earlier.`,
      });
  } else if (subject.kind === "grant") {
    if (!subject.member && subject.email && !emailDomainAllowed(subject.email, policy.allowedEmailDomains))
      out.push({
        rule: "email_domain",
        field: "grantees",
        message: `This workspace's sharing policy only allows sharing with addresses at ${domainListText(policy.allowedEmailDomains)}; ${subject.label} is not.`,
      });
    if (!subject.member && policy.externalGrantMaxDays !== null) {
      const max = policy.externalGrantMaxDays;
      if (!subject.expiresAt || !withinDays(max, subject.expiresAt, now))
        out.push({
          rule: "external_grant_lifetime",
          field: "expiresAt",
          message: `This workspace's sharing policy lets access for people outside the workspace (${subject.label}) last at most ${days(max)}: set an end on ${formatDate(latestEnd(max, now))} or earlier.`,
        });
    }
    if (!policy.addToWorkspaceAllowed && subject.addedByRecipient)
      out.push({
        rule: "add_to_workspace",
        field: "grantees",
        message: `A recipient added this to ${subject.label}, which this workspace's sharing policy no longer allows.`,
      });
    else if (!policy.addToWorkspaceAllowed && subject.allowAddToWorkspace)
      out.push({
        rule: "add_to_workspace",
        field: "allowAddToWorkspace",
        message: "This workspace's sharing policy does not let recipients add shares to their own workspaces.",
      });
  } else if (!policy.addToWorkspaceAllowed) {
    out.push({
      rule: "add_to_workspace",
      field: "workspaceId",
      message:
        "The sharing policy of the workspace this belongs to does not let recipients add it to their own workspaces.",
    });
  }
  return out;
}

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
