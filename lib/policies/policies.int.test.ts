import { beforeEach, describe, expect, it, vi } from "vitest";
import * as keysRoute from "@/app/api/v1/workspaces/[workspaceId]/keys/route";
import * as policyRoute from "@/app/api/v1/workspaces/[workspaceId]/policy/route";
import * as violationsRoute from "@/app/api/v1/workspaces/[workspaceId]/policy/violations/route";
import * as namespaceShares from "@/app/api/v1/permissions/namespaces/[owner]/[namespace]/shares/route";
import type { SessionUser } from "@/lib/auth/session";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { activityFilterSchema } from "@/lib/audit/activity-filter";
import { listWorkspaceActivity } from "@/lib/audit/list-events";
import { sentenceText } from "@/lib/audit/sentence";
import { createLinkAction } from "@/lib/actions/links/create-link";
import { extendLinkAction } from "@/lib/actions/links/extend-link";
import { shortenToPolicyAction } from "@/lib/actions/policies/shorten-to-policy";
import { updatePolicyAction } from "@/lib/actions/policies/update-policy";
import { addToWorkspaceAction } from "@/lib/actions/sharing/add-to-workspace";
import { changeShareRoleAction } from "@/lib/actions/sharing/change-share-role";
import { shareResourceAction } from "@/lib/actions/sharing/share-resource";
import { createAccessLink } from "@/lib/links/manage-links";
import { listPolicyViolations } from "@/lib/policies/list-violations";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";

const { db } = setupTestDatabase();

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Person = Awaited<ReturnType<typeof person>>;
const as = (user: Person) => (session.user = { ...user, name: null });
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);
const APP = "http://localhost:3000";
let n = 0;

beforeEach(() => {
  session.user = null;
  resetRateLimits();
});

/** alice owns "sales" (with a member, mia, and a dataset); vic is an outsider at example.com, oz at other.org. */
async function scene() {
  const alice = await person("alice");
  const mia = await person("mia");
  const vic = await person("vic");
  const ozUser = await createUser({ email: `oz${++n}@other.org`, username: `oz${n}` });
  const oz = { id: ozUser.id, email: ozUser.email, username: ozUser.username };
  const w = await createWorkspace(alice, { name: "Sales", slug: `sales${++n}` });
  await db().membership.create({ data: { workspaceId: w.id, userId: mia.id, role: "member" } });
  const dataset = await createEmptyDataset({
    workspaceId: w.id,
    name: "revenue",
    slug: `rev${++n}`,
    createdById: alice.id,
  });
  const setPolicy = async (
    policy: Parameters<typeof updatePolicyAction>[0] extends infer P ? Omit<P, "workspaceId"> : never,
  ) => {
    as(alice);
    const result = await updatePolicyAction({ workspaceId: w.id, ...policy });
    expect(result).toMatchObject({ ok: true });
  };
  return { alice, mia, vic, oz, w, dataset, setPolicy };
}

const link = (datasetId: string, extra: Record<string, unknown> = {}) =>
  createLinkAction({ resourceType: "dataset", resourceId: datasetId, mode: "authenticated", ...extra });

describe("setting a workspace's sharing policy", () => {
  it("is for managers only, validated, and recorded with a sentence", async () => {
    const { alice, mia, w, setPolicy } = await scene();
    as(mia);
    expect(await updatePolicyAction({ workspaceId: w.id, linkMaxDays: 7 })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    as(alice);
    const bad = await updatePolicyAction({ workspaceId: w.id, linkMaxDays: 0, allowedEmailDomains: ["not a domain"] });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(bad.ok ? {} : bad.fieldErrors).toHaveProperty("linkMaxDays");
    expect(await db().workspacePolicy.count({ where: { workspaceId: w.id } })).toBe(0);

    await setPolicy({ linkMaxDays: 7, allowedEmailDomains: ["@Example.com"] });
    const saved = await db().workspacePolicy.findUniqueOrThrow({ where: { workspaceId: w.id } });
    expect(saved).toMatchObject({ linkMaxDays: 7, allowedEmailDomains: ["example.com"], externalGrantMaxDays: null });
    const { events } = await listWorkspaceActivity(alice, w.id, activityFilterSchema.parse({}));
    expect(events.map((e) => sentenceText(e.sentence))).toContain(
      `${alice.username} changed the sharing policy of Sales: links at most 7 days, only example.com`,
    );
  });
});

describe("links under a policy", () => {
  it("refuses a link longer than the longest lifetime, naming the rule, and accepts one within it", async () => {
    const { alice, dataset, setPolicy } = await scene();
    await setPolicy({ linkMaxDays: 7 });
    as(alice);
    const refused = await link(dataset.id, { expiresAt: inDays(30) });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(refused.ok ? "" : refused.message).toMatch(/links of at most 7 days/);
    expect(refused.ok ? {} : refused.fieldErrors).toHaveProperty("expiresAt");
    expect(await db().accessLink.count({ where: { resourceId: dataset.id } })).toBe(0);
    const ok = await link(dataset.id, { expiresAt: inDays(7) });
    expect(ok).toMatchObject({ ok: true });
  });

  it("refuses extending a link beyond the longest lifetime", async () => {
    const { alice, dataset, setPolicy } = await scene();
    as(alice);
    const created = await link(dataset.id, { expiresAt: inDays(5) });
    if (!created.ok) throw new Error(created.message);
    await setPolicy({ linkMaxDays: 7 });
    const refused = await extendLinkAction({ linkId: created.data.id, expiresAt: inDays(30) });
    expect(refused).toMatchObject({ ok: false, code: "forbidden", message: expect.stringMatching(/at most 7 days/) });
    expect(await extendLinkAction({ linkId: created.data.id, expiresAt: inDays(6) })).toMatchObject({ ok: true });
  });

  it("requires a password when the policy says so", async () => {
    const { alice, dataset, setPolicy } = await scene();
    await setPolicy({ linkPasswordRequired: true });
    as(alice);
    const refused = await link(dataset.id);
    expect(refused).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/requires a password/),
    });
    expect(refused.ok ? {} : refused.fieldErrors).toHaveProperty("password");
    expect(await link(dataset.id, { password: "correct horse" })).toMatchObject({ ok: true });
  });

  it("refuses “anyone with the link” links when they are disabled, not signed-in ones", async () => {
    const { alice, dataset, setPolicy } = await scene();
    await setPolicy({ publicLinksDisabled: true });
    as(alice);
    expect(await link(dataset.id, { mode: "public" })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/no “anyone with the link” links/),
    });
    expect(await link(dataset.id, { mode: "authenticated" })).toMatchObject({ ok: true });
  });
});

describe("grants under a policy", () => {
  it("only allows e-mail addresses and people from the listed domains (members exempt)", async () => {
    const { alice, mia, vic, oz, dataset, setPolicy } = await scene();
    await setPolicy({ allowedEmailDomains: ["example.com"] });
    as(alice);
    const share = (grantee: string) =>
      shareResourceAction({ type: "dataset", id: dataset.id, grantees: [grantee], role: "viewer" });
    const byEmail = await share("someone@elsewhere.net");
    expect(byEmail).toMatchObject({ ok: false, code: "forbidden" });
    expect(byEmail.ok ? "" : byEmail.message).toMatch(
      /only allows sharing with addresses at example\.com; someone@elsewhere\.net is not/,
    );
    expect(await share(oz.username!)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().share.count({ where: { resourceId: dataset.id } })).toBe(0);
    expect(await share("new.person@sub.example.com")).toMatchObject({ ok: true });
    expect(await share(vic.username!)).toMatchObject({ ok: true });
    expect(await share(mia.username!)).toMatchObject({ ok: true });
  });

  it("caps how long people outside the workspace keep access, on new grants and on end-date changes", async () => {
    const { alice, mia, vic, dataset, setPolicy } = await scene();
    await setPolicy({ externalGrantMaxDays: 30 });
    as(alice);
    const share = (grantee: string, expiresAt?: Date) =>
      shareResourceAction({ type: "dataset", id: dataset.id, grantees: [grantee], role: "viewer", expiresAt });
    const forever = await share(vic.username!);
    expect(forever).toMatchObject({ ok: false, code: "forbidden" });
    expect(forever.ok ? "" : forever.message).toMatch(/outside the workspace .* at most 30 days/);
    expect(await share(vic.username!, inDays(60))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await share(vic.username!, inDays(20))).toMatchObject({ ok: true });
    // changing the end (sharing again) to none is refused; the grant keeps its end
    expect(await share(vic.username!)).toMatchObject({ ok: false, code: "forbidden" });
    const grant = await db().share.findFirstOrThrow({ where: { resourceId: dataset.id, granteeUserId: vic.id } });
    expect(grant.expiresAt!.getTime()).toBeLessThan(inDays(21).getTime());
    expect(await share(mia.username!)).toMatchObject({ ok: true });
  });

  it("lets a grant that breaks a new policy go down in role, never up", async () => {
    const { alice, vic, dataset, setPolicy } = await scene();
    as(alice);
    const shared = await shareResourceAction({
      type: "dataset",
      id: dataset.id,
      grantees: [vic.username!],
      role: "viewer",
    });
    if (!shared.ok) throw new Error(shared.message);
    await setPolicy({ externalGrantMaxDays: 30 });
    const shareId = shared.data[0]!.shareId;
    expect(await changeShareRoleAction({ shareId, role: "editor" })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/at most 30 days/),
    });
    expect(await changeShareRoleAction({ shareId, role: "viewonly" })).toMatchObject({ ok: true });
  });

  it("stops recipients adding shares to their own workspaces when the policy forbids it", async () => {
    const { alice, vic, dataset, setPolicy } = await scene();
    const vicTeam = await createWorkspace(vic, { name: "Vic team", slug: `victeam${++n}` });
    as(alice);
    const shared = await shareResourceAction({
      type: "dataset",
      id: dataset.id,
      grantees: [vic.username!],
      role: "viewer",
      allowAddToWorkspace: true,
    });
    if (!shared.ok) throw new Error(shared.message);
    await setPolicy({ addToWorkspaceAllowed: false });
    as(vic);
    expect(await addToWorkspaceAction({ shareId: shared.data[0]!.shareId, workspaceId: vicTeam.id })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/does not let recipients add it to their own workspaces/),
    });
    expect(await db().share.count({ where: { resourceId: dataset.id, granteeWorkspaceId: vicTeam.id } })).toBe(0);
    as(alice);
    expect(
      await shareResourceAction({
        type: "dataset",
        id: dataset.id,
        grantees: ["x@example.com"],
        role: "viewer",
        allowAddToWorkspace: true,
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("the REST API", () => {
  async function call(
    route: Record<string, unknown>,
    method: string,
    url: string,
    params: Record<string, string>,
    token: string,
    body?: unknown,
  ) {
    const handler = route[method] as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const response = await handler(
      new Request(`${APP}/api/v1${url}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve(params) },
    );
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  it("reads and replaces the policy (managers only) and enforces it on keys and DataLinks shares", async () => {
    const { alice, mia, w, dataset } = await scene();
    const token = (await createApiToken(alice.id, { name: "t" })).token;
    const miaToken = (await createApiToken(mia.id, { name: "t" })).token;
    const params = { workspaceId: w.id };
    const path = `/workspaces/${w.id}/policy`;
    expect((await call(policyRoute, "PUT", path, params, miaToken, { linkMaxDays: 7 })).status).toBe(403);
    const put = await call(policyRoute, "PUT", path, params, token, {
      linkMaxDays: 7,
      allowedEmailDomains: ["example.com"],
    });
    expect(put).toMatchObject({ status: 200, body: { linkMaxDays: 7, allowedEmailDomains: ["example.com"] } });
    expect((await call(policyRoute, "PUT", path, params, token, { linkMaxDays: "soon" })).status).toBe(422);
    expect(await call(policyRoute, "GET", path, params, miaToken)).toMatchObject({
      status: 200,
      body: { linkMaxDays: 7, linkPasswordRequired: false, externalGrantMaxDays: null },
    });

    const keys = `/workspaces/${w.id}/keys`;
    const resource = { type: "dataset", id: dataset.id };
    const long = await call(keysRoute, "POST", keys, params, token, { resource, expiresOn: inDays(30).toISOString() });
    expect(long.status).toBe(403);
    expect(long.body.error).toMatch(/links of at most 7 days/);
    expect(
      (await call(keysRoute, "POST", keys, params, token, { resource, expiresOn: inDays(7).toISOString() })).status,
    ).toBe(201);

    const ns = { owner: alice.username!, namespace: w.slug };
    const shares = `/permissions/namespaces/${ns.owner}/${ns.namespace}/shares`;
    const outside = await call(namespaceShares, "POST", shares, ns, token, {
      email: "eve@elsewhere.net",
      role: "viewer",
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error).toMatch(/addresses at example\.com/);
    expect(
      (await call(namespaceShares, "POST", shares, ns, token, { email: "bo@example.com", role: "viewer" })).status,
    ).toBe(200);
  });
});

describe("existing links and grants that break a new policy", () => {
  it("are listed for the managers, and shortening fixes a lifetime breach with one call", async () => {
    const { alice, mia, vic, w, dataset, setPolicy } = await scene();
    const old = await createAccessLink(alice, {
      resourceType: "dataset",
      resourceId: dataset.id,
      mode: "public",
      label: "partners",
      expiresAt: inDays(30),
    });
    await createAccessLink(alice, {
      resourceType: "dataset",
      resourceId: dataset.id,
      expiresAt: inDays(3),
      mode: "authenticated",
    });
    await shareResource(alice, "dataset", dataset.id, { grantees: [vic.username!], role: "viewer" });
    await shareResource(alice, "dataset", dataset.id, { grantees: [mia.username!], role: "viewer" });
    await setPolicy({ linkMaxDays: 7, externalGrantMaxDays: 14 });

    const token = (await createApiToken(alice.id, { name: "t" })).token;
    const miaToken = (await createApiToken(mia.id, { name: "t" })).token;
    const params = { workspaceId: w.id };
    const url = `/workspaces/${w.id}/policy/violations`;
    expect((await call2(miaToken)).status).toBe(403);
    const listed = await call2(token);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "link",
          id: old.id,
          name: "partners",
          resource: expect.objectContaining({ name: "revenue" }),
        }),
        expect.objectContaining({ kind: "grant", name: vic.username }),
      ]),
    );

    as(alice);
    expect(await shortenToPolicyAction({ kind: "link", id: old.id })).toMatchObject({ ok: true });
    const grant = listed.body.find((v: { kind: string }) => v.kind === "grant");
    expect(await shortenToPolicyAction({ kind: "grant", id: grant.id })).toMatchObject({ ok: true });
    expect((await call2(token)).body).toEqual([]);
    const link = await db().accessLink.findUniqueOrThrow({ where: { id: old.id } });
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(inDays(7).getTime());
    as(mia);
    expect(await shortenToPolicyAction({ kind: "link", id: old.id })).toMatchObject({ ok: false, code: "forbidden" });

    async function call2(bearer: string) {
      const response = await violationsRoute.GET(
        new Request(`${APP}/api/v1${url}`, { headers: { Authorization: `Bearer ${bearer}` } }),
        { params: Promise.resolve(params) },
      );
      return { status: response.status, body: await response.json() };
    }
  });

  it("include grants a recipient added to their workspace, and grants that still allow it, once adding is off", async () => {
    const { alice, vic, w, dataset, setPolicy } = await scene();
    const vicTeam = await createWorkspace(vic, { name: "Vic team", slug: `victeam${++n}` });
    as(alice);
    const shared = await shareResourceAction({
      type: "dataset",
      id: dataset.id,
      grantees: [vic.username!],
      role: "viewer",
      allowAddToWorkspace: true,
    });
    if (!shared.ok) throw new Error(shared.message);
    as(vic);
    expect(await addToWorkspaceAction({ shareId: shared.data[0]!.shareId, workspaceId: vicTeam.id })).toMatchObject({
      ok: true,
    });
    await setPolicy({ addToWorkspaceAllowed: false });
    const listed = await listPolicyViolations(alice, w.id);
    expect(listed.map((v) => [v.name, v.breaches.map((b) => b.rule)])).toEqual(
      expect.arrayContaining([
        [vic.username, ["add_to_workspace"]],
        [`${vic.username}/${vicTeam.slug}`, ["add_to_workspace"]],
      ]),
    );
  });
});
