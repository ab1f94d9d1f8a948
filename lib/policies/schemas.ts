import { z } from "zod";

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const days = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of days, or null for no limit.` })
    .int(`${what} must be a whole number of days.`)
    .min(1, `${what} must be at least 1 day.`)
    .max(3650, `${what} can be at most 3650 days.`)
    .nullable()
    .default(null);

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .refine((d) => DOMAIN.test(d), { error: (i) => `"${String(i.input)}" is not an e-mail domain like example.com.` });

/**
 * A workspace's sharing policy as managers set it (Settings, PUT /workspaces/{id}/policy).
 * Every field left out means "no limit", so the empty object is the permissive default.
 */
export const policyInput = z.object({
  /** longest lifetime of a new or extended access link */
  linkMaxDays: days("The longest link lifetime"),
  /** every new access link needs a password */
  linkPasswordRequired: z.boolean().default(false),
  /** no "anyone with the link" links: only signed-in users with the link */
  publicLinksDisabled: z.boolean().default(false),
  /** people and e-mail addresses must belong to one of these domains (or a subdomain); [] = any */
  allowedEmailDomains: z
    .array(domain)
    .max(50, "List at most 50 domains.")
    .default([])
    .transform((list) => [...new Set(list)]),
  /** recipients may add what is shared with them to one of their own workspaces */
  addToWorkspaceAllowed: z.boolean().default(true),
  /** longest lifetime of a grant to someone who is not a member of this workspace */
  externalGrantMaxDays: days("The longest grant lifetime for people outside the workspace"),
});
export type PolicyInput = z.input<typeof policyInput>;
export type SharingPolicy = z.output<typeof policyInput>;

/** No limits: the policy of a workspace whose managers never set one. */
export const NO_POLICY: SharingPolicy = policyInput.parse({});

/** The form's text for a domain list: "example.com, example.org". */
export const parseDomainList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
