import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { type Actor, type Resource, assertCan, getEffectiveRole } from "@/lib/access";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import {
  createAccessLink,
  extendAccessLink,
  listAccessLinks,
  revokeAccessLink,
  revokeAllAccessLinks,
} from "./manage-links";
import { openAccessLink, type OpenOptions } from "./open-link";
import { failure } from "@/test/failure";

const { db } = setupTestDatabase();
process.env.LINK_MAX_DELAY_MS = "5";

let alice: Actor;
let bob: Actor;
let workspaceId: string;
let other: { id: string; ownerId: string };
let n = 0;
const client = () => `10.0.0.${++n}`;
const opts = (extra: Partial<OpenOptions> = {}): OpenOptions => ({
  client: client(),
  viewer: null,
  cookies: () => undefined,
  ...extra,
});

beforeAll(async () => {
  alice = await createUser({ email: "alice@example.com", username: "alice" });
  bob = await createUser({ email: "bob@example.com", username: "bob" });
  workspaceId = (await createWorkspace(alice, { name: "Sales", slug: "sales" })).id;
  other = await createWorkspace(alice, { name: "Other", slug: "other" });
});

describe("access links", () => {
  it("stores only hashes, opens read-only and only inside its resource", async () => {
    const link = await createAccessLink(alice, {
      resourceType: "workspace",
      resourceId: workspaceId,
      password: "correct horse",
      label: "for the auditors",
    });
    expect(link.url).toMatch(/\/s\/sl_[A-Za-z0-9_-]{43}$/);
    const row = await db().accessLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(JSON.stringify(row)).not.toContain("correct horse");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000); // default 7 days

    expect(await openAccessLink(link.token, opts())).toMatchObject({ status: "password", wrong: false });
    expect(await openAccessLink(link.token, opts({ password: "wrong password" }))).toMatchObject({
      status: "password",
      wrong: true,
    });
    const opened = await openAccessLink(link.token, opts({ password: "correct horse" }));
    if (opened.status !== "ok") throw new Error(opened.status);
    expect(opened.unlock).toBeDefined();
    const again = await openAccessLink(
      link.token,
      opts({ cookies: (name) => (name === opened.unlock!.name ? opened.unlock!.value : undefined) }),
    );
    expect(again.status).toBe("ok");

    const visitor = opened.link.actor;
    const dataset: Resource = {
      type: "dataset",
      id: "d1",
      workspaceId,
      workspaceOwnerId: alice.id,
      visibility: "private",
    };
    const elsewhere: Resource = {
      type: "dataset",
      id: "d2",
      workspaceId: other.id,
      workspaceOwnerId: other.ownerId,
      visibility: "private",
    };
    expect(await getEffectiveRole(visitor, dataset)).toBe("viewer");
    expect(await getEffectiveRole(visitor, elsewhere)).toBeNull();
    expect(await failure(assertCan(visitor, "write", dataset))).toMatchObject({ code: "forbidden" });
    // The owner opening her own link is read-only there too.
    const asOwner = await openAccessLink(link.token, opts({ viewer: alice, password: "correct horse" }));
    if (asOwner.status !== "ok") throw new Error(asOwner.status);
    expect(await getEffectiveRole(asOwner.link.actor, dataset)).toBe("viewer");

    const [listed] = await listAccessLinks(alice, "workspace", workspaceId);
    expect(listed).toMatchObject({
      label: "for the auditors",
      mode: "public",
      hasPassword: true,
      useCount: 3,
      active: true,
      createdBy: "alice",
    });
    const events = await db().auditEvent.findMany({ where: { workspaceId }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["link.created", "link.used", "link.denied"]));
  });

  it("counts one use per visitor and day, and keeps 'last used' to the minute without a write per view", async () => {
    const link = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId });
    const row = () => db().accessLink.findUniqueOrThrow({ where: { id: link.id } });
    const start = new Date(Date.UTC(2026, 11, 3, 10, 0, 0));
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const open = async (visitor: string, when: Date) =>
      expect((await openAccessLink(link.token, opts({ client: visitor, now: when }))).status).toBe("ok");

    await open("10.9.0.1", at(0));
    expect(await row()).toMatchObject({ useCount: 1, lastUsedAt: at(0) });
    // The same visitor again within the minute: nothing to write, the link's row stays as it was.
    await open("10.9.0.1", at(20));
    await open("10.9.0.1", at(59));
    expect(await row()).toMatchObject({ useCount: 1, lastUsedAt: at(0) });
    // A minute on, "last used" moves; it is still one use that day.
    await open("10.9.0.1", at(61));
    expect(await row()).toMatchObject({ useCount: 1, lastUsedAt: at(61) });
    // Another visitor is another use, and moves "last used" at once.
    await open("10.9.0.2", at(62));
    expect(await row()).toMatchObject({ useCount: 2, lastUsedAt: at(62) });
    // The first visitor on the next day is a use again.
    await open("10.9.0.1", at(86_400));
    expect(await row()).toMatchObject({ useCount: 3, lastUsedAt: at(86_400) });
  });

  it("is unavailable one second after its end and before its start, the same way as unknown or revoked", async () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    const link = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId, expiresAt });
    expect((await openAccessLink(link.token, opts({ now: new Date(expiresAt.getTime() - 1000) }))).status).toBe("ok");
    expect(await openAccessLink(link.token, opts({ now: new Date(expiresAt.getTime() + 1000) }))).toEqual({
      status: "unavailable",
    });

    const later = await createAccessLink(alice, {
      resourceType: "workspace",
      resourceId: workspaceId,
      startsAt: new Date(Date.now() + 86_400_000),
    });
    expect(await openAccessLink(later.token, opts())).toEqual({ status: "unavailable" });
    expect(await openAccessLink("sl_unknown", opts())).toEqual({ status: "unavailable" });

    await revokeAccessLink(alice, link.id);
    expect(await openAccessLink(link.token, opts())).toEqual({ status: "unavailable" });
    expect(await failure(revokeAccessLink(bob, later.id))).toMatchObject({ code: "not_found" });
  });

  it("authenticated links need a signed-in visitor", async () => {
    const link = await createAccessLink(alice, {
      resourceType: "workspace",
      resourceId: workspaceId,
      mode: "authenticated",
    });
    expect(await openAccessLink(link.token, opts())).toEqual({ status: "sign-in" });
    const opened = await openAccessLink(link.token, opts({ viewer: bob }));
    expect(opened).toMatchObject({ status: "ok", link: { actor: { id: bob.id, link: { id: link.id } } } });
  });

  it("validates input, revokes all, extends within the maximum, and is managed by managers only", async () => {
    expect(
      await failure(
        createAccessLink(alice, {
          resourceType: "workspace",
          resourceId: workspaceId,
          expiresAt: new Date(Date.now() - 1),
        }),
      ),
    ).toMatchObject({ fieldErrors: { expiresAt: "The end date must be in the future." } });
    expect(
      await failure(
        createAccessLink(alice, {
          resourceType: "workspace",
          resourceId: workspaceId,
          expiresAt: new Date(Date.now() + 400 * 86_400_000),
        }),
      ),
    ).toMatchObject({ fieldErrors: { expiresAt: expect.stringContaining("at most 365 days") } });
    expect(
      await failure(createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId, password: "short" })),
    ).toMatchObject({ fieldErrors: { password: expect.any(String) } });
    expect(await failure(createAccessLink(bob, { resourceType: "workspace", resourceId: workspaceId }))).toMatchObject({
      code: "not_found",
    });

    const a = await createAccessLink(alice, { resourceType: "workspace", resourceId: other.id });
    const b = await createAccessLink(alice, { resourceType: "workspace", resourceId: other.id });
    await extendAccessLink(alice, a.id, new Date(Date.now() + 30 * 86_400_000));
    expect(await failure(extendAccessLink(alice, a.id, new Date(Date.now() - 5)))).toMatchObject({ code: "invalid" });
    expect(await revokeAllAccessLinks(alice, "workspace", other.id)).toBe(2);
    for (const link of [a, b]) expect((await openAccessLink(link.token, opts())).status).toBe("unavailable");
  });

  it("throttles one client after 10 failures in 30 minutes without locking out others", async () => {
    const link = await createAccessLink(alice, {
      resourceType: "workspace",
      resourceId: workspaceId,
      password: "open sesame",
    });
    const guesser = "192.0.2.7";
    for (let i = 0; i < 10; i++) {
      expect((await openAccessLink(link.token, opts({ client: guesser, password: `guess ${i}` }))).status).toBe(
        "password",
      );
    }
    expect(await openAccessLink(link.token, opts({ client: guesser, password: "open sesame" }))).toMatchObject({
      status: "throttled",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await openAccessLink("sl_guess", opts({ client: guesser }))).toMatchObject({ status: "throttled" });
    expect((await openAccessLink(link.token, opts({ client: "198.51.100.1", password: "open sesame" }))).status).toBe(
      "ok",
    );
    const later = new Date(Date.now() + 31 * 60_000);
    expect(
      (await openAccessLink(link.token, opts({ client: guesser, password: "open sesame", now: later }))).status,
    ).toBe("ok");
  });
});
