import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";
import { demoWorld } from "./world";

const { alice: aliceUser, bob: bobUser } = demoWorld("apishare");

const auth = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });

test.describe("REST API: DataLinks namespace sharing walk-through and Veracity share queries", () => {
  let alice: string;
  let bob: string;
  let dana: string;
  let danaName: string;
  const base = `/api/v1/permissions/namespaces/${aliceUser.username}/sales/shares`;

  test.beforeAll(async () => {
    test.setTimeout(120_000); // new users through the CLI: seconds each, longer on a busy machine
    alice = aliceUser.token;
    bob = bobUser.token;
    danaName = `dana${Date.now().toString(36)}`;
    dana = await createUserWithToken(danaName);
  });

  async function shares(request: APIRequestContext) {
    const res = await request.get(base, { headers: auth(alice) });
    expect(res.status()).toBe(200);
    return res.json();
  }

  test("owner shares, lists and revokes; everyone else gets the documented status codes", async ({ request }) => {
    expect((await request.get(base)).status()).toBe(401);
    const badToken = await request.get(base, { headers: auth("dsk_nope") });
    expect(badToken.status()).toBe(401);
    expect(await badToken.json()).toMatchObject({ error: expect.stringContaining("invalid"), code: "unauthenticated" });

    const shared = await request.post(base, {
      headers: auth(alice),
      data: { username: danaName.toUpperCase(), role: "viewer" },
    });
    expect(shared.status()).toBe(200);
    expect(await shared.text()).toBe("");
    expect(await shares(request)).toEqual([{ username: danaName, role: "viewer" }]);

    // sharing again changes the role
    await request.post(base, { headers: auth(alice), data: { username: danaName, role: "editor" } });
    expect(await shares(request)).toEqual([{ username: danaName, role: "editor" }]);

    const notOwner = await request.post(base, { headers: auth(bob), data: { username: danaName, role: "viewer" } });
    expect(notOwner.status()).toBe(403);
    expect((await notOwner.json()).error).toMatch(/access can be managed by the owner only/i);
    expect((await request.get(base, { headers: auth(dana) })).status()).toBe(403); // a grantee reads but cannot list grants

    const badRole = await request.post(base, { headers: auth(alice), data: { username: danaName, role: "owner" } });
    expect(badRole.status()).toBe(422);
    const unknown = await request.post(base, {
      headers: auth(alice),
      data: { username: "no-such-user", role: "viewer" },
    });
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error).toContain("no-such-user");
    // A Buffer is sent as it is (Playwright JSON-encodes a string body when the content type is JSON).
    expect((await request.post(base, { headers: auth(alice), data: Buffer.from("{not json") })).status()).toBe(400);

    const stranger = await request.get(`/api/v1/permissions/namespaces/${bobUser.username}/research/shares`, {
      headers: auth(alice),
    });
    expect(stranger.status()).toBe(404);
    expect(
      (
        await request.get(`/api/v1/permissions/namespaces/${bobUser.username}/nope/shares`, { headers: auth(alice) })
      ).status(),
    ).toBe(404);

    // Veracity-style queries over the same grant
    const workspaces = await (await request.get("/api/v1/workspaces", { headers: auth(alice) })).json();
    const sales = workspaces.find((w: { slug: string }) => w.slug === "sales");
    const list = await (
      await request.get(`/api/v1/workspaces/${sales.id}/shares?status=active&granteeType=user`, {
        headers: auth(alice),
      })
    ).json();
    expect(list).toMatchObject({
      total: 1,
      page: 1,
      items: [{ grantee: danaName, role: "editor", status: "active", resourceType: "workspace" }],
    });
    const one = await request.get(`/api/v1/workspaces/${sales.id}/shares/${list.items[0].id}`, {
      headers: auth(alice),
    });
    expect(await one.json()).toMatchObject({ id: list.items[0].id, createdBy: aliceUser.username });
    expect((await request.get(`/api/v1/workspaces/${sales.id}/shares`, { headers: auth(bob) })).status()).toBe(403);

    // revoke matches on the user, whatever role is named
    const revoked = await request.delete(base, { headers: auth(alice), data: { username: danaName, role: "viewer" } });
    expect(revoked.status()).toBe(200);
    expect(await shares(request)).toEqual([]);
    expect(
      (await request.delete(base, { headers: auth(alice), data: { username: danaName, role: "viewer" } })).status(),
    ).toBe(404);

    // Veracity revoke endpoint
    await request.post(base, { headers: auth(alice), data: { email: "someone.new@example.org", role: "viewer" } });
    expect(await shares(request)).toEqual([{ email: "someone.new@example.org", role: "viewer" }]);
    const pending = await (
      await request.get(`/api/v1/workspaces/${sales.id}/shares?status=pending`, { headers: auth(alice) })
    ).json();
    expect(
      (
        await request.post(`/api/v1/workspaces/${sales.id}/shares/${pending.items[0].id}/revoke`, {
          headers: auth(alice),
        })
      ).status(),
    ).toBe(200);
    expect(await shares(request)).toEqual([]);
  });

  test("workspaces and access keys", async ({ request }) => {
    const created = await request.post("/api/v1/workspaces", {
      headers: auth(dana),
      data: { name: "Dana lab", slug: "lab" },
    });
    expect(created.status()).toBe(201);
    const lab = await created.json();
    expect(lab).toMatchObject({ owner: danaName, slug: "lab" });
    const dup = await request.post("/api/v1/workspaces", { headers: auth(dana), data: { name: "Again", slug: "LAB" } });
    expect(dup.status()).toBe(409);
    expect(
      (await request.post("/api/v1/workspaces", { headers: auth(dana), data: { name: "", slug: "x y" } })).status(),
    ).toBe(422);

    const key = await request.post(`/api/v1/workspaces/${lab.id}/keys`, {
      headers: auth(dana),
      data: { resource: { type: "workspace", id: lab.id }, expiresOn: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(key.status()).toBe(201);
    const body = await key.json();
    expect(body).toMatchObject({
      token: expect.stringMatching(/^sl_/),
      url: expect.stringContaining(`/s/${body.token}`),
    });
    const keys = await (await request.get(`/api/v1/workspaces/${lab.id}/keys`, { headers: auth(dana) })).json();
    expect(keys).toHaveLength(1);
    expect(JSON.stringify(keys)).not.toContain(body.token);
    expect((await request.get(`/api/v1/workspaces/${lab.id}/keys`, { headers: auth(alice) })).status()).toBe(404);
    expect(
      await (
        await request.get(`/api/v1/workspaces/${lab.id}/keys?resourceType=dataset`, { headers: auth(dana) })
      ).json(),
    ).toEqual([]);
    expect(
      (await request.get(`/api/v1/workspaces/${lab.id}/keys?resourceType=nope`, { headers: auth(dana) })).status(),
    ).toBe(422);

    // a key belongs to its workspace: another workspace's path cannot reach it, nor issue one for it
    const other = await (
      await request.post("/api/v1/workspaces", { headers: auth(dana), data: { name: "Other", slug: "other" } })
    ).json();
    const otherKey = await (
      await request.post(`/api/v1/workspaces/${other.id}/keys`, {
        headers: auth(dana),
        data: { resource: { type: "workspace", id: other.id } },
      })
    ).json();
    expect(
      (await request.delete(`/api/v1/workspaces/${lab.id}/keys/${otherKey.id}`, { headers: auth(dana) })).status(),
    ).toBe(404);
    expect(
      (
        await request.post(`/api/v1/workspaces/${lab.id}/keys`, {
          headers: auth(dana),
          data: { resource: { type: "workspace", id: other.id } },
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await request.post(`/api/v1/workspaces/${lab.id}/keys`, {
          headers: auth(dana),
          data: { resource: { type: "workspace", id: lab.id }, expiresOn: "2000-01-01" },
        })
      ).status(),
    ).toBe(422);
    expect(
      (await request.delete(`/api/v1/workspaces/${lab.id}/keys/${body.id}`, { headers: auth(alice) })).status(),
    ).toBe(404);

    expect(
      (await request.delete(`/api/v1/workspaces/${lab.id}/keys/${body.id}`, { headers: auth(dana) })).status(),
    ).toBe(200);
    expect(await (await request.delete(`/api/v1/workspaces/${lab.id}/keys`, { headers: auth(dana) })).json()).toEqual({
      revoked: 0,
    });
    expect(
      (
        await request.delete(`/api/v1/workspaces/${other.id}/keys?resourceType=workspace`, { headers: auth(dana) })
      ).status(),
    ).toBe(422); // never widened to "everything"
    expect(
      (
        await request.delete(`/api/v1/workspaces/${lab.id}/keys?resourceType=workspace&resourceId=${other.id}`, {
          headers: auth(dana),
        })
      ).status(),
    ).toBe(404);
    expect(
      await (
        await request.delete(`/api/v1/workspaces/${other.id}/keys?resourceType=workspace&resourceId=${other.id}`, {
          headers: auth(dana),
        })
      ).json(),
    ).toEqual({ revoked: 1 });

    // Veracity share endpoints: a grant is reached only through its own workspace, and only managers revoke
    await request.post(`/api/v1/permissions/namespaces/${danaName}/lab/shares`, {
      headers: auth(dana),
      data: { username: aliceUser.username, role: "viewer" },
    });
    const grant = (await (await request.get(`/api/v1/workspaces/${lab.id}/shares`, { headers: auth(dana) })).json())
      .items[0];
    expect(
      (await request.get(`/api/v1/workspaces/${other.id}/shares/${grant.id}`, { headers: auth(dana) })).status(),
    ).toBe(404);
    expect(
      (
        await request.post(`/api/v1/workspaces/${other.id}/shares/${grant.id}/revoke`, { headers: auth(dana) })
      ).status(),
    ).toBe(404);
    expect(
      (await request.post(`/api/v1/workspaces/${lab.id}/shares/${grant.id}/revoke`, { headers: auth(alice) })).status(),
    ).toBe(403); // the grantee reads it but does not manage it
    expect(
      (await request.post(`/api/v1/workspaces/${lab.id}/shares/${grant.id}/revoke`, { headers: auth(dana) })).status(),
    ).toBe(200);
    expect(
      (await request.get(`/api/v1/workspaces/${lab.id}/shares/${grant.id}`, { headers: auth(dana) })).status(),
    ).toBe(404);
  });
});
