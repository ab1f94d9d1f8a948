import { describe, expect, it } from "vitest";
import { getEffectiveRole } from "@/lib/access";
import { datasetResource, loadDataset } from "@/lib/catalog/load-dataset";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { createAccessLink, revokeAccessLink } from "@/lib/links/manage-links";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
import { failure } from "@/test/failure";
import { createAccessRequest } from "./create-request";
import { loadDatasetCard } from "./dataset-card";
import { approveAccessRequest, denyAccessRequest } from "./decide-request";
import { discoverDatasets } from "./discover";
import { getAccessRequest, listMyRequests, listResourceRequests, listWorkspaceRequests } from "./list-requests";
import { setRequestForm } from "./request-form";

const { db } = setupTestDatabase();
let seq = 0;

async function listedWorld(visibility: "listed" | "private" = "listed") {
  const owner = await person("own");
  const admin = await person("adm");
  const ws = await db().workspace.create({ data: { ownerId: owner.id, slug: `r${++seq}`, name: "Research" } });
  await db().membership.create({ data: { workspaceId: ws.id, userId: admin.id, role: "admin" } });
  const ds = await createEmptyDataset({ workspaceId: ws.id, slug: `survey${seq}`, createdById: owner.id });
  if (visibility === "listed") await setDatasetVisibility(owner, ds.id, "listed");
  const stranger = await person("str");
  return { owner, admin, ws, ds, stranger };
}

const mailsTo = (email: string) =>
  db().outbox.findMany({ where: { to: email.toLowerCase() }, orderBy: { createdAt: "asc" } });

describe("Listed datasets", () => {
  it("show their card to any signed-in user but give no role; a Private one answers exactly like a missing one", async () => {
    const { ds, stranger, owner, ws } = await listedWorld();
    const card = await loadDatasetCard(stranger, { id: ds.id });
    expect(card).toMatchObject({ id: ds.id, name: ds.name, role: null, request: null });
    expect(card.workspace.name).toBe("Research");
    expect(await getEffectiveRole(stranger, datasetResource({ ...ds, workspace: { ownerId: owner.id } }))).toBeNull();
    expect(await failure(loadDataset(stranger, { id: ds.id }, "view"))).toMatchObject({ code: "not_found" });

    const hidden = await createEmptyDataset({ workspaceId: ws.id, slug: `hidden${seq}`, createdById: owner.id });
    const missing = await failure(loadDatasetCard(stranger, { id: "no-such-dataset" }));
    expect(await failure(loadDatasetCard(stranger, { id: hidden.id }))).toEqual(missing);
    const askMissing = await failure(createAccessRequest(stranger, { source: "discover", datasetId: "nope" }, {}));
    const askPrivate = await failure(createAccessRequest(stranger, { source: "discover", datasetId: hidden.id }, {}));
    expect(askPrivate).toEqual(askMissing);
    expect(askPrivate).toMatchObject({ code: "not_found", message: "Dataset not found" });
  });

  it("are found in Discover by name, a page at a time, with Public ones; Private ones never", async () => {
    const { ds, stranger, owner, ws } = await listedWorld();
    const hidden = await createEmptyDataset({ workspaceId: ws.id, slug: `zzhidden${seq}`, createdById: owner.id });
    const open = await createEmptyDataset({ workspaceId: ws.id, slug: `zzopen${seq}`, createdById: owner.id });
    await setDatasetVisibility(owner, open.id, "public");
    const all = await discoverDatasets(stranger, { q: "" });
    const ids = all.items.map((i) => i.id);
    expect(ids).toContain(ds.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(hidden.id);
    expect(all.items.find((i) => i.id === ds.id)).toMatchObject({ canOpen: false, visibility: "listed" });
    expect(all.items.find((i) => i.id === open.id)).toMatchObject({ canOpen: true });
    const searched = await discoverDatasets(stranger, { q: ds.name.toUpperCase() });
    expect(searched.items.map((i) => i.id)).toEqual([ds.id]);
    for (let i = 0; i < 21; i++) {
      const extra = await createEmptyDataset({ workspaceId: ws.id, slug: `page${seq}x${i}`, createdById: owner.id });
      await setDatasetVisibility(owner, extra.id, "listed");
    }
    const first = await discoverDatasets(stranger, { q: `page${seq}x` });
    const second = await discoverDatasets(stranger, { q: `page${seq}x`, page: 2 });
    expect(first).toMatchObject({ total: 21, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(1);
  });
});

describe("access requests", () => {
  it("need every question answered and the terms accepted, reach every manager by e-mail, and are one pending at a time", async () => {
    const { ds, stranger, owner, admin } = await listedWorld();
    await setRequestForm(owner, ds.id, { questions: ["What is it for?", "Which team?"], terms: "No resale." });
    const target = { source: "discover" as const, datasetId: ds.id };
    const unanswered = await failure(createAccessRequest(stranger, target, { answers: ["research"] }));
    expect(unanswered).toMatchObject({ code: "invalid", fieldErrors: { "answers.1": "Answer this question." } });
    const noTerms = await failure(createAccessRequest(stranger, target, { answers: ["research", "data"] }));
    expect(noTerms).toMatchObject({ code: "invalid", fieldErrors: { acceptTerms: expect.any(String) } });
    const tooLong = await failure(createAccessRequest(stranger, target, { message: "x".repeat(2001) }));
    expect(tooLong).toMatchObject({ code: "invalid" });

    const created = await createAccessRequest(stranger, target, {
      message: "For the Q3 study",
      answers: ["research", "data"],
      acceptTerms: true,
    });
    expect(created.status).toBe("pending");
    const again = await failure(createAccessRequest(stranger, target, { answers: ["a", "b"], acceptTerms: true }));
    expect(again).toMatchObject({ code: "conflict" });

    for (const manager of [owner, admin]) {
      const [mail] = await mailsTo(manager.email);
      expect(mail?.subject).toContain("asks for access to");
      expect(mail?.text).toContain("For the Q3 study");
      expect(mail?.text).toContain("Which team?");
      expect(mail?.text).toContain(`/requests/${created.id}`);
    }
    const [listed] = await listWorkspaceRequests(owner, { id: ds.workspaceId, ownerId: owner.id });
    expect(listed).toMatchObject({
      id: created.id,
      status: "pending",
      message: "For the Q3 study",
      answers: [
        { question: "What is it for?", answer: "research" },
        { question: "Which team?", answer: "data" },
      ],
      acceptedTerms: "No resale.",
    });
    expect((await loadDatasetCard(stranger, { id: ds.id })).request).toMatchObject({ status: "pending" });
  });

  it("approved with a role and an end date become a normal grant the requester reads through, and are audited", async () => {
    const { ds, stranger, owner } = await listedWorld();
    const { id } = await createAccessRequest(stranger, { source: "discover", datasetId: ds.id }, { message: "hi" });
    const end = new Date(Date.now() + 7 * 86_400_000);
    const decision = await approveAccessRequest(owner, id, { role: "viewonly", expiresAt: end });
    expect(decision).toMatchObject({ status: "approved", role: "viewonly" });
    const share = await db().share.findFirstOrThrow({ where: { resourceId: ds.id, granteeUserId: stranger.id } });
    expect(share).toMatchObject({ role: "viewonly", expiresAt: end });
    expect(await failure(loadDataset(stranger, { id: ds.id }, "read"))).toMatchObject({ code: "forbidden" });
    await expect(loadDataset(stranger, { id: ds.id }, "view")).resolves.toBeTruthy();
    expect(await failure(approveAccessRequest(owner, id, { role: "viewer" }))).toMatchObject({ code: "conflict" });
    const actions = (
      await db().auditEvent.findMany({ where: { resourceId: ds.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["access_request.created", "share.created", "access_request.approved"]),
    );
    expect((await mailsTo(stranger.email)).map((m) => m.kind)).toEqual(["share"]);
    expect((await listMyRequests(stranger))[0]).toMatchObject({ status: "approved", role: "viewonly" });
  });

  it("denied with a reason tell the requester, and a repeated request waits the cooldown (the rule is in the error)", async () => {
    const { ds, stranger, owner } = await listedWorld();
    const target = { source: "discover" as const, datasetId: ds.id };
    const { id } = await createAccessRequest(stranger, target, {});
    await denyAccessRequest(owner, id, { reason: "Only for staff" });
    const [mail] = await mailsTo(stranger.email);
    expect(mail).toMatchObject({ kind: "access-request-decision" });
    expect(mail?.text).toContain("Only for staff");
    expect(await getEffectiveRole(stranger, datasetResource({ ...ds, workspace: { ownerId: owner.id } }))).toBeNull();

    const repeated = await failure(createAccessRequest(stranger, target, {}));
    expect(repeated).toMatchObject({ code: "rate_limited" });
    expect(repeated.message).toMatch(/once every 24 hours/);

    await db().accessRequest.update({ where: { id }, data: { decidedAt: new Date(Date.now() - 25 * 3_600_000) } });
    await expect(createAccessRequest(stranger, target, {})).resolves.toMatchObject({ status: "pending" });
  });

  it("are decided and listed only by managers; others who can see the dataset get 403, everyone else 404", async () => {
    const { ds, stranger, owner } = await listedWorld();
    const viewer = await person("vie");
    await shareResource(owner, "dataset", ds.id, { grantees: [viewer.username!], role: "viewer" });
    const { id } = await createAccessRequest(stranger, { source: "discover", datasetId: ds.id }, {});
    const other = await person("oth");
    expect(await failure(approveAccessRequest(viewer, id, { role: "viewer" }))).toMatchObject({ code: "forbidden" });
    expect(await failure(approveAccessRequest(other, id, { role: "viewer" }))).toMatchObject({ code: "not_found" });
    expect(await failure(denyAccessRequest(stranger, id, {}))).toMatchObject({ code: "not_found" });
    expect(await failure(listResourceRequests(viewer, "dataset", ds.id))).toMatchObject({ code: "forbidden" });
    expect(await failure(getAccessRequest(other, id))).toMatchObject({ code: "not_found" });
    expect(await getAccessRequest(stranger, id)).toMatchObject({ canDecide: false });
    expect(await getAccessRequest(owner, id)).toMatchObject({ canDecide: true });
    expect(await db().accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending" });
  });

  it("start from a grant of the requester's that ended and from a revoked link they held, not from live ones", async () => {
    const { ws, owner, stranger } = await listedWorld("private");
    const secret = await createEmptyDataset({ workspaceId: ws.id, slug: `ended${seq}`, createdById: owner.id });
    await shareResource(owner, "dataset", secret.id, {
      grantees: [stranger.username!],
      role: "viewer",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const share = await db().share.findFirstOrThrow({ where: { resourceId: secret.id, granteeUserId: stranger.id } });
    expect(await failure(createAccessRequest(stranger, { source: "grant", shareId: share.id }, {}))).toMatchObject({
      code: "not_found",
    });
    await db().share.update({ where: { id: share.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const other = await person("oth");
    expect(await failure(createAccessRequest(other, { source: "grant", shareId: share.id }, {}))).toMatchObject({
      code: "not_found",
    });
    const fromGrant = await createAccessRequest(stranger, { source: "grant", shareId: share.id }, { message: "again" });
    // the ended grant row is renewed: the requester hears of it by the decision e-mail
    await approveAccessRequest(owner, fromGrant.id, { role: "viewer" });
    await expect(loadDataset(stranger, { id: secret.id }, "read")).resolves.toBeTruthy();
    expect((await mailsTo(stranger.email)).at(-1)).toMatchObject({ kind: "access-request-decision" });

    const link = await createAccessLink(owner, { resourceType: "dataset", resourceId: `${secret.id}` });
    const visitor = await person("vis");
    expect(await failure(createAccessRequest(visitor, { source: "link", token: link.token }, {}))).toMatchObject({
      code: "conflict",
    });
    await revokeAccessLink(owner, link.id);
    const fromLink = await createAccessRequest(visitor, { source: "link", token: link.token }, {});
    expect(fromLink).toMatchObject({ resourceType: "dataset", resourceId: secret.id });
    expect(await failure(createAccessRequest(visitor, { source: "link", token: "lnk_unknown" }, {}))).toMatchObject({
      code: "not_found",
    });
    // The token of a password link alone proves nothing (its holder may never have had the password), and the
    // request would show them the resource's name: such a link answers like an unknown one.
    const locked = await createAccessLink(owner, {
      resourceType: "dataset",
      resourceId: `${secret.id}`,
      password: "correct horse battery",
    });
    await revokeAccessLink(owner, locked.id);
    const holder = await person("hld");
    expect(await failure(createAccessRequest(holder, { source: "link", token: locked.token }, {}))).toMatchObject({
      code: "not_found",
      message: "Link not found",
    });
  });
});
