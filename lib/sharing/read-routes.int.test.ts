import { beforeEach, describe, expect, it } from "vitest";
import { GET as accessRoute } from "@/app/api/sharing/access/route";
import { GET as collaboratorsRoute } from "@/app/api/sharing/collaborators/route";
import { GET as historyRoute } from "@/app/api/sharing/history/route";
import { GET as linksRoute } from "@/app/api/sharing/links/route";
import { GET as previewAsRoute } from "@/app/api/sharing/preview-as/route";
import { getDb } from "@/lib/db";
import { createAccessLink } from "@/lib/links/manage-links";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { shareResource } from "./share-resource";
import { person } from "./test-support";

setupTestDatabase();

const APP = "http://localhost:3000";
type Route = (request: Request) => Promise<Response>;

async function caller(name: string) {
  const user = await person(name);
  return { user, token: (await createApiToken(user.id, { name: "test" })).token };
}

const get = (route: Route, path: string, token: string | null) =>
  route(new Request(`${APP}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }));

/** alice's workspace, shared with bob (viewer); carol has nothing to do with it. */
async function cast() {
  const alice = await caller("alice");
  const bob = await caller("bob");
  const carol = await caller("carol");
  const workspace = await createWorkspace(alice.user, { name: "Sales", slug: `sales-${Date.now().toString(36)}` });
  await shareResource(alice.user, "workspace", workspace.id, { grantees: [bob.user.username!], role: "viewer" });
  await createAccessLink(alice.user, { resourceType: "workspace", resourceId: workspace.id, label: "board" });
  const share = await getDb().share.findFirstOrThrow({ where: { resourceId: workspace.id } });
  const q = `type=workspace&id=${workspace.id}`;
  return { alice, bob, carol, workspace, share, q };
}

beforeEach(() => resetRateLimits());

describe("the share dialog's GET routes", () => {
  it("give the owner the access list, links, history and a grantee preview", async () => {
    const { alice, bob, share, q } = await cast();

    const access = await get(accessRoute, `/api/sharing/access?${q}`, alice.token);
    expect(access.status).toBe(200);
    expect(access.headers.get("cache-control")).toContain("no-store");
    const data = await access.json();
    expect(data).toMatchObject({ visibility: null, allowAddDefault: false });
    expect(data.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "owner", grantee: alice.user.username }),
        expect.objectContaining({ kind: "grant", grantee: bob.user.username, role: "viewer", shareId: share.id }),
      ]),
    );
    expect(typeof data.rows.find((r: { kind: string }) => r.kind === "grant").createdAt).toBe("string");

    const links = await get(linksRoute, `/api/sharing/links?${q}`, alice.token);
    expect(await links.json()).toEqual([expect.objectContaining({ label: "board", active: true })]);

    const history = await get(historyRoute, `/api/sharing/history?${q}`, alice.token);
    expect((await history.json()).map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["share.created", "link.created"]),
    );

    const preview = await get(previewAsRoute, `/api/sharing/preview-as?${q}&shareId=${share.id}`, alice.token);
    expect(await preview.json()).toMatchObject({ grantee: bob.user.username, role: "viewer", canRead: true });
  });

  it("answer 404 to a stranger and 403 to a grantee who may read but not manage, revealing nothing", async () => {
    const { bob, carol, share, q } = await cast();
    const paths: [Route, string][] = [
      [accessRoute, `/api/sharing/access?${q}`],
      [linksRoute, `/api/sharing/links?${q}`],
      [historyRoute, `/api/sharing/history?${q}`],
      [previewAsRoute, `/api/sharing/preview-as?${q}&shareId=${share.id}`],
    ];
    for (const [route, path] of paths) {
      const stranger = await get(route, path, carol.token);
      expect(stranger.status, path).toBe(404);
      expect(await stranger.json()).toEqual({ error: expect.any(String), code: "not_found" });

      const grantee = await get(route, path, bob.token);
      expect(grantee.status, path).toBe(403);
      expect(await grantee.json()).toMatchObject({ code: "forbidden" });
    }
  });

  it("refuse a caller without valid credentials (401) and a malformed query (422 naming the field)", async () => {
    const { alice, workspace } = await cast();
    const anonymous = await get(accessRoute, `/api/sharing/access?type=workspace&id=${workspace.id}`, "dsk_nope");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "unauthenticated" });

    const bad = await get(accessRoute, `/api/sharing/access?type=spreadsheet&id=${workspace.id}`, alice.token);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "invalid", fieldErrors: { type: "Unknown resource type." } });
  });

  it("suggest only people the caller already works with", async () => {
    const { alice, bob, carol } = await cast();
    const prefix = bob.user.username!.slice(0, 3);
    const own = await get(collaboratorsRoute, `/api/sharing/collaborators?q=${prefix}`, alice.token);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual(expect.arrayContaining([expect.objectContaining({ handle: bob.user.username })]));

    const stranger = await get(collaboratorsRoute, `/api/sharing/collaborators?q=${prefix}`, carol.token);
    expect(await stranger.json()).toEqual([]);
  });
});
