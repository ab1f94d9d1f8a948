import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { person } from "@/lib/sharing/test-support";
import { shareResource } from "@/lib/sharing/share-resource";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { revokeSharesAction } from "./sharing/revoke-shares";
import { shareResourceAction } from "./sharing/share-resource";
import { createWorkspaceAction } from "./workspaces/create-workspace";

setupTestDatabase();

// Who the request's session cookie belongs to: next-auth needs a request scope that a test has
// not, so the session lookup answers with a real user of the test database (or nobody).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
// Actions revalidate pages after a change; there is no page cache here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signIn = (user: Awaited<ReturnType<typeof person>>) => (session.user = { ...user, name: null });

beforeEach(() => {
  session.user = null;
  resetRateLimits();
});

describe("defineAction: the one way into a server action", () => {
  it("refuses a caller without a session, before anything runs", async () => {
    const alice = await person("alice");
    const workspace = await createWorkspace(alice, { name: "Sales", slug: "sales" });
    const result = await shareResourceAction({
      type: "workspace",
      id: workspace.id,
      grantees: ["bob@example.com"],
      role: "viewer",
    });
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await getDb().share.count({ where: { resourceId: workspace.id } })).toBe(0);
  });

  it("answers invalid input with the Result's field messages, and changes nothing", async () => {
    const alice = await person("alice");
    const workspace = await createWorkspace(alice, { name: "Sales", slug: "sales-2" });
    signIn(alice);
    const result = await shareResourceAction({
      type: "spreadsheet" as "workspace",
      id: workspace.id,
      grantees: [],
      role: "owner" as "viewer",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        type: "Unknown resource type.",
        grantees: "Add at least one person or workspace.",
        role: 'Role must be exactly "aggregate", "viewonly", "viewer" or "editor".',
      },
    });
    expect(await getDb().share.count({ where: { resourceId: workspace.id } })).toBe(0);
  });

  it("validates a form action's fields the same way (defineFormAction)", async () => {
    const alice = await person("alice");
    signIn(alice);
    const form = new FormData();
    form.set("name", "");
    form.set("slug", "Not a slug!");
    const result = await createWorkspaceAction(null, form);
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: expect.any(String), slug: expect.any(String) },
    });
    form.set("name", "Ops");
    form.set("slug", "ops");
    expect(await createWorkspaceAction(null, form)).toEqual({ ok: true, data: { url: `/w/${alice.username}/ops` } });
  });

  it("runs the action for a signed-in caller with valid input and returns its data", async () => {
    const alice = await person("alice");
    const workspace = await createWorkspace(alice, { name: "Sales", slug: "sales-3" });
    signIn(alice);
    const result = await shareResourceAction({
      type: "workspace",
      id: workspace.id,
      grantees: ["bob@example.com"],
      role: "viewer",
    });
    expect(result).toMatchObject({ ok: true, data: [{ change: "created", role: "viewer" }] });
  });
});

describe("bulk revoke", () => {
  it("revokes every selected grant, far above the old silent cap of 500", { timeout: 120_000 }, async () => {
    const alice = await person("alice");
    const workspace = await createWorkspace(alice, { name: "Many", slug: "many" });
    // 550 pending e-mail grants, written directly: sharing them one by one renders 550 e-mails first.
    await getDb().share.createMany({
      data: Array.from({ length: 550 }, (_, i) => ({
        workspaceId: workspace.id,
        resourceType: "workspace",
        resourceId: workspace.id,
        granteeType: "email",
        granteeEmail: `guest${i}@example.com`,
        granteeKey: `email:guest${i}@example.com`,
        role: "viewer",
        createdById: alice.id,
      })),
    });
    const ids = (await getDb().share.findMany({ where: { resourceId: workspace.id }, select: { id: true } })).map(
      (s) => s.id,
    );
    expect(ids).toHaveLength(550);

    signIn(alice);
    expect(await revokeSharesAction({ shareIds: ids })).toEqual({ ok: true, data: { revoked: 550 } });
    expect(await getDb().share.count({ where: { resourceId: workspace.id } })).toBe(0);
  });

  it("revokes nothing when one selected grant is on a resource the caller does not manage", async () => {
    const alice = await person("alice");
    const mallory = await person("mallory");
    const own = await createWorkspace(alice, { name: "Own", slug: "own" });
    const foreign = await createWorkspace(mallory, { name: "Foreign", slug: "foreign" });
    await shareResource(alice, "workspace", own.id, { grantees: ["a@example.com"], role: "viewer" });
    await shareResource(mallory, "workspace", foreign.id, { grantees: ["m@example.com"], role: "viewer" });
    const ids = (
      await getDb().share.findMany({
        where: { resourceId: { in: [own.id, foreign.id] } },
        orderBy: { createdAt: "asc" },
      })
    ).map((s) => s.id);
    signIn(alice);
    expect(await revokeSharesAction({ shareIds: ids })).toMatchObject({ ok: false, code: "not_found" });
    expect(await getDb().share.count({ where: { resourceId: { in: [own.id, foreign.id] } } })).toBe(2);
  });

  it("refuses a selection above its limit with a clear message, and revokes none of it", async () => {
    const alice = await person("alice");
    const workspace = await createWorkspace(alice, { name: "One", slug: "one" });
    await shareResource(alice, "workspace", workspace.id, { grantees: ["solo@example.com"], role: "viewer" });
    const [share] = await getDb().share.findMany({ where: { resourceId: workspace.id } });
    signIn(alice);
    const tooMany = [share!.id, ...Array.from({ length: 5000 }, (_, i) => `missing-${i}`)];
    expect(await revokeSharesAction({ shareIds: tooMany })).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Revoke at most 5,000 grants at once.",
    });
    expect(await getDb().share.count({ where: { resourceId: workspace.id } })).toBe(1);
  });
});
