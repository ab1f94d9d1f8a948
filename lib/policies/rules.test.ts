import { describe, expect, it } from "vitest";
import { emailDomainAllowed, latestEnd, policyBreaches } from "./rules";
import { NO_POLICY, policyInput } from "./schemas";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW + days * DAY);
const rules = (policy: Partial<typeof NO_POLICY>, subject: Parameters<typeof policyBreaches>[1]) =>
  policyBreaches({ ...NO_POLICY, ...policy }, subject, NOW).map((b) => b.rule);
const link = (
  extra: Partial<{ mode: "public" | "authenticated"; hasPassword: boolean; startsAt: Date; expiresAt: Date }>,
) => ({ kind: "link", mode: "authenticated", hasPassword: false, expiresAt: at(1), ...extra }) as const;
const grant = (extra: Partial<{ email: string | null; member: boolean; expiresAt: Date | null }>) =>
  ({ kind: "grant", label: "x", email: "x@example.com", member: false, expiresAt: null, ...extra }) as const;

describe("policyBreaches", () => {
  it("allows everything under no policy", () => {
    expect(rules({}, link({ mode: "public", expiresAt: at(3000) }))).toEqual([]);
    expect(rules({}, grant({ email: "a@anywhere.net" }))).toEqual([]);
    expect(rules({}, { kind: "add-to-workspace" })).toEqual([]);
  });

  it("counts a link's lifetime from its start, with the whole last day allowed and not a minute more", () => {
    expect(rules({ linkMaxDays: 7 }, link({ expiresAt: at(8) }))).toEqual([]);
    expect(rules({ linkMaxDays: 7 }, link({ expiresAt: new Date(at(8).getTime() + 60_000) }))).toEqual([
      "link_lifetime",
    ]);
    expect(rules({ linkMaxDays: 7 }, link({ startsAt: at(20), expiresAt: at(26) }))).toEqual([]);
    expect(rules({ linkMaxDays: 7 }, link({ startsAt: at(20), expiresAt: at(30) }))).toEqual(["link_lifetime"]);
  });

  it("names every broken link rule at once", () => {
    expect(
      rules(
        { linkMaxDays: 1, linkPasswordRequired: true, publicLinksDisabled: true },
        link({ mode: "public", expiresAt: at(5) }),
      ),
    ).toEqual(["public_links", "link_password", "link_lifetime"]);
  });

  it("exempts members from the domain and outsider-lifetime rules", () => {
    const policy = { allowedEmailDomains: ["example.com"], externalGrantMaxDays: 30 };
    expect(rules(policy, grant({ email: "a@other.org", member: true }))).toEqual([]);
    expect(rules(policy, grant({ email: "a@other.org", expiresAt: at(10) }))).toEqual(["email_domain"]);
    expect(rules(policy, grant({ expiresAt: null }))).toEqual(["external_grant_lifetime"]);
    expect(rules(policy, grant({ expiresAt: at(31) }))).toEqual([]);
    expect(rules(policy, grant({ expiresAt: at(32) }))).toEqual(["external_grant_lifetime"]);
    // a workspace grantee has no e-mail: only the lifetime applies
    expect(rules(policy, grant({ email: null, expiresAt: null }))).toEqual(["external_grant_lifetime"]);
  });

  it("refuses adding to a workspace when it is off", () => {
    expect(rules({ addToWorkspaceAllowed: false }, { kind: "add-to-workspace" })).toEqual(["add_to_workspace"]);
  });

  it("says until when in its message", () => {
    const [breach] = policyBreaches({ ...NO_POLICY, linkMaxDays: 7 }, link({ expiresAt: at(30) }), NOW);
    expect(breach!.message).toBe(
      "This workspace's sharing policy allows links of at most 7 days: end it on 7 Dec 2026 or earlier.",
    );
    expect(latestEnd(7, NOW)).toEqual(at(7));
  });
});

describe("emailDomainAllowed", () => {
  it("matches the domain and its subdomains, never a lookalike", () => {
    expect(emailDomainAllowed("a@example.com", ["example.com"])).toBe(true);
    expect(emailDomainAllowed("a@eu.EXAMPLE.com", ["example.com"])).toBe(true);
    expect(emailDomainAllowed("a@badexample.com", ["example.com"])).toBe(false);
    expect(emailDomainAllowed("a@example.com.evil.net", ["example.com"])).toBe(false);
    expect(emailDomainAllowed("a@anything.net", [])).toBe(true);
  });
});

describe("policyInput", () => {
  it("normalises domains and refuses what is not one", () => {
    expect(policyInput.parse({ allowedEmailDomains: ["@Example.COM", "example.com"] }).allowedEmailDomains).toEqual([
      "example.com",
    ]);
    expect(policyInput.safeParse({ allowedEmailDomains: ["not a domain"] }).success).toBe(false);
    expect(policyInput.safeParse({ linkMaxDays: 0 }).success).toBe(false);
    expect(policyInput.safeParse({ linkMaxDays: 2.5 }).success).toBe(false);
    expect(policyInput.parse({})).toEqual(NO_POLICY);
  });
});
