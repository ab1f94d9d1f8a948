import { describe, expect, it } from "vitest";
import { type AuditRecord, describeEvent, kindOf } from "@/lib/audit/describe-event";
import { emptyNames, resourceKey } from "@/lib/audit/names";
import { sentenceText } from "@/lib/audit/sentence";

const names = () => {
  const n = emptyNames();
  n.users.set("u-alice", { name: "Alice Anders", username: "alice" });
  n.users.set("u-bob", { name: "Bob Berg", username: "bob" });
  n.resources.set(resourceKey("workspace", "w1"), { name: "Sales", href: "/w/alice/sales" });
  n.links.set("l1", { label: "board", expiresAt: new Date("2026-12-12T00:00:00Z") });
  return n;
};

const say = (e: Partial<AuditRecord>) =>
  sentenceText(
    describeEvent(
      { action: "", resourceType: "workspace", resourceId: "w1", actorId: null, details: {}, ...e } as AuditRecord,
      names(),
    ),
  );

describe("activity sentences of reminders and access reviews", () => {
  it("says who was reminded of what ending when", () => {
    expect(
      say({
        action: "share.expiry_reminder_sent",
        details: { grantee: "user:u-bob", audience: "grantee", expiresAt: "2026-12-03T10:00:00Z" },
      }),
    ).toBe("Datashelf reminded Bob Berg that their access to Sales ends on 3 Dec 2026");
    expect(
      say({
        action: "share.expiry_reminder_sent",
        details: { grantee: "user:u-bob", audience: "sharer", expiresAt: "2026-12-03T10:00:00Z" },
      }),
    ).toBe("Datashelf reminded the sharer that Bob Berg’s access to Sales ends on 3 Dec 2026");
    expect(
      say({ action: "link.expiry_reminder_sent", details: { linkId: "l1", expiresAt: "2026-12-12T00:00:00Z" } }),
    ).toBe("Datashelf reminded the link’s maker that the access link “board” to Sales ends on 12 Dec 2026");
  });

  it("names each review choice and the review sent", () => {
    const review = (action: string, decision: string, details: Record<string, string>) =>
      say({ action, actorId: "u-alice", details: { decision, ...details } });
    expect(review("share.reviewed", "keep", { grantee: "user:u-bob" })).toBe(
      "Alice Anders kept Bob Berg’s access to Sales in an access review",
    );
    expect(review("share.reviewed", "revoke", { grantee: "user:u-bob" })).toBe(
      "Alice Anders revoked Bob Berg’s access to Sales in an access review",
    );
    expect(review("link.reviewed", "downgrade", { linkId: "l1" })).toBe(
      "Alice Anders downgraded the access link “board” to Sales in an access review",
    );
    expect(
      say({ action: "workspace.access_review_sent", details: { to: "alice@example.com", grants: 2, links: 1 } }),
    ).toBe("Datashelf sent alice@example.com the access review of Sales (2 unused grants, 1 unused link)");
    expect(kindOf("share.reviewed")).toBe("sharing");
    expect(kindOf("link.reviewed")).toBe("links");
  });
});
