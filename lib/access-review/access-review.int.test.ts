import { beforeAll, describe, expect, it } from "vitest";
import { getEffectiveRole } from "@/lib/access";
import { person } from "@/lib/sharing/test-support";
import { AppError } from "@/lib/util/errors";
import { setupTestDatabase } from "@/test/db";
import { decideReview } from "./decide";
import { findUnusedAccess } from "./find-unused";
import { sendAccessReviews } from "./send-reviews";

const { db } = setupTestDatabase();
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

type Person = Awaited<ReturnType<typeof person>>;
let owner: Person;
let admin: Person;
let member: Person;
let workspace: { id: string; ownerId: string };
const byName: Record<string, { shareId: string; grantee: Person }> = {};

async function grant(name: string, createdDaysAgo: number, role: "editor" | "viewer" | "viewonly" = "viewer") {
  const grantee = await person(name);
  const share = await db().share.create({
    data: {
      workspaceId: workspace.id,
      resourceType: "workspace",
      resourceId: workspace.id,
      granteeType: "user",
      granteeUserId: grantee.id,
      granteeKey: `user:${grantee.id}`,
      role,
      createdById: owner.id,
      createdAt: ago(createdDaysAgo),
    },
  });
  byName[name] = { shareId: share.id, grantee };
  return share;
}

async function link(label: string, createdDaysAgo: number, lastUsedDaysAgo: number | null) {
  return db().accessLink.create({
    data: {
      workspaceId: workspace.id,
      resourceType: "workspace",
      resourceId: workspace.id,
      tokenHash: `hash-${label}`,
      prefix: `sl_${label}`,
      mode: "authenticated",
      label,
      expiresAt: new Date(Date.now() + 30 * DAY),
      createdById: owner.id,
      createdAt: ago(createdDaysAgo),
      lastUsedAt: lastUsedDaysAgo === null ? null : ago(lastUsedDaysAgo),
    },
  });
}

const resource = () =>
  ({ type: "workspace", id: workspace.id, workspaceId: workspace.id, workspaceOwnerId: workspace.ownerId }) as const;

beforeAll(async () => {
  owner = await person("owner");
  admin = await person("admin");
  member = await person("member");
  workspace = await db().workspace.create({ data: { ownerId: owner.id, slug: "research", name: "Research" } });
  await db().membership.createMany({
    data: [
      { workspaceId: workspace.id, userId: admin.id, role: "admin" },
      { workspaceId: workspace.id, userId: member.id, role: "member" },
    ],
  });
  await grant("idle", 120, "editor");
  const busy = await grant("busy", 120);
  await grant("recent", 10);
  await grant("quiet", 200, "viewonly");
  // busy used the workspace 5 days ago
  await db().auditEvent.create({
    data: {
      workspaceId: workspace.id,
      actorId: byName.busy!.grantee.id,
      action: "dataset.downloaded",
      resourceType: "dataset",
      resourceId: "some-dataset",
      createdAt: ago(5),
    },
  });
  expect(busy).toBeTruthy();
  await link("stale", 120, null);
  await link("opened", 120, 3);
  await link("stalelong", 150, 100);
});

describe("access review", () => {
  it("lists only grants and links unused for ACCESS_REVIEW_DAYS", async () => {
    const unused = await findUnusedAccess(workspace.id, ago(90), new Date());
    const shares = unused.filter((u) => u.kind === "share").map((u) => u.id);
    const links = unused.flatMap((u) => (u.kind === "link" ? [u.label] : []));
    expect(shares.sort()).toEqual([byName.idle!.shareId, byName.quiet!.shareId].sort());
    expect(links.sort()).toEqual(["stale", "stalelong"]);
  });

  it("e-mails each manager once per review period, with keep/downgrade/revoke links", async () => {
    const now = new Date();
    await Promise.all([sendAccessReviews(now), sendAccessReviews(now)]);
    await sendAccessReviews(now);
    const mails = await db().outbox.findMany({ where: { kind: "access-review" } });
    expect(mails.map((m) => m.to).sort()).toEqual([owner.email, admin.email].sort());
    expect(await db().outbox.count({ where: { kind: "access-review", to: member.email } })).toBe(0);
    const text = mails[0]!.text;
    expect(mails[0]!.subject).toBe("Access review for Research: 4 unused grants and links");
    expect(text).toContain(byName.idle!.grantee.username!);
    expect(text).toContain(byName.quiet!.grantee.username!);
    expect(text).not.toContain(byName.busy!.grantee.username!);
    expect(text).not.toContain(byName.recent!.grantee.username!);
    expect(text).toContain("“stale”");
    expect(text).not.toContain("“opened”");
    expect(text).toContain(`/review/share/${byName.idle!.shareId}/revoke`);
    expect(text).toContain(`/review/share/${byName.idle!.shareId}/downgrade`);
    // a view-only grant has no lower role: no downgrade link
    expect(text).not.toContain(`/review/share/${byName.quiet!.shareId}/downgrade`);
    // the next period sends again
    await sendAccessReviews(new Date(now.getTime() + 31 * DAY));
    expect(await db().outbox.count({ where: { kind: "access-review" } })).toBe(4);
  });

  it("refuses a review choice to someone who cannot manage the resource, and changes nothing", async () => {
    const { shareId, grantee } = byName.idle!;
    for (const actor of [grantee, member]) {
      const refused = await decideReview(actor, "share", shareId, "revoke").catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
    }
    const refusedLink = await decideReview(member, "link", (await linkId("stale"))!, "revoke").catch((e: unknown) => e);
    expect(refusedLink).toBeInstanceOf(AppError);
    expect(await db().share.findUnique({ where: { id: shareId } })).toMatchObject({ role: "editor" });
    expect(await db().accessLink.findFirst({ where: { label: "stale" } })).toMatchObject({ revokedAt: null });
  });

  it("keep marks the grant reviewed: it is not listed again for the review period", async () => {
    const { shareId } = byName.quiet!;
    await decideReview(admin, "share", shareId, "keep");
    const unused = await findUnusedAccess(workspace.id, ago(90), new Date());
    expect(unused.map((u) => u.id)).not.toContain(shareId);
    const later = new Date(Date.now() + 91 * DAY);
    const again = await findUnusedAccess(workspace.id, new Date(later.getTime() - 90 * DAY), later);
    expect(again.map((u) => u.id)).toContain(shareId);
    expect(await db().auditEvent.count({ where: { action: "share.reviewed", actorId: admin.id } })).toBe(1);
  });

  it("downgrade lowers a grant one role and makes a link view-only", async () => {
    const { shareId, grantee } = byName.idle!;
    await decideReview(owner, "share", shareId, "downgrade");
    expect(await getEffectiveRole(grantee, resource())).toBe("viewer");
    const id = (await linkId("stalelong"))!;
    await decideReview(owner, "link", id, "downgrade");
    expect(await db().accessLink.findUnique({ where: { id } })).toMatchObject({
      allowDownload: false,
      revokedAt: null,
    });
    const again = await decideReview(owner, "link", id, "downgrade").catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "invalid" });
  });

  it("revoke ends the grant (the grantee is told) and the link", async () => {
    const { shareId, grantee } = byName.idle!;
    await decideReview(owner, "share", shareId, "revoke");
    expect(await getEffectiveRole(grantee, resource())).toBeNull();
    expect(await db().outbox.count({ where: { kind: "access-ended", to: grantee.email } })).toBe(1);
    const id = (await linkId("stale"))!;
    await decideReview(admin, "link", id, "revoke");
    expect((await db().accessLink.findUnique({ where: { id } }))!.revokedAt).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { action: { in: ["share.reviewed", "link.reviewed"] } } });
    expect(events.map((e) => (e.details as { decision: string }).decision).sort()).toEqual(
      ["downgrade", "downgrade", "keep", "revoke", "revoke"].sort(),
    );
  });
});

async function linkId(label: string) {
  return (await db().accessLink.findFirst({ where: { label } }))?.id;
}
