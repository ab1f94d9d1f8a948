import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { ingestRecords } from "@/lib/api/ingest-records";
import { getDatasetPage } from "@/lib/catalog/get-dataset";
import { createFolder } from "@/lib/files/create-folder";
import { openFileDownload } from "@/lib/files/open-download";
import { type Cast, createCast, failure, putFile, setupTempStorage } from "@/lib/files/test-support";
import { createAccessLink } from "@/lib/links/manage-links";
import { openAccessLink, type OpenOptions } from "@/lib/links/open-link";
import { shareResource } from "@/lib/sharing/share-resource";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { workspaceInsights } from "./api";
import { getInsights } from "./get-insights";
import { ACCESS_WINDOW_MS, forgetRecentAccess, recordAccess } from "./record-access";
import { setFirstOpenNotice } from "./set-first-open-notice";

const { db } = setupTestDatabase();
setupTempStorage();
process.env.LINK_MAX_DELAY_MS = "5";

let cast: Cast;
let datasetId: string;
let folderId: string;
let fileId: string;
let n = 0;

const visit = (client: string, extra: Partial<OpenOptions> = {}): OpenOptions => ({
  client,
  viewer: null,
  cookies: () => undefined,
  ...extra,
});

async function openAs(token: string, options: OpenOptions): Promise<Actor> {
  const opened = await openAccessLink(token, options);
  if (opened.status !== "ok") throw new Error(opened.status);
  return opened.link.actor;
}

const eventsOf = (resourceId: string, action: string) =>
  db().auditEvent.findMany({ where: { resourceId, action }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  cast = await createCast();
  folderId = (await createFolder(cast.owner, { parentId: cast.rootId, name: `reports` })).id;
  fileId = ((await putFile(cast.owner, folderId, "q1.txt", "quarter one\n")) as { id: string }).id;
  const ingested = await ingestRecords(cast.owner, cast.workspace.slug, "sales", [
    { region: "north", amount: 1 },
    { region: "south", amount: 2 },
  ]);
  datasetId = ingested.datasetId;
});

beforeEach(() => forgetRecentAccess());

describe("recording views and downloads", () => {
  it("records a dataset page view once per person and hour, even from several server instances", async () => {
    await getDatasetPage(cast.viewer, { id: datasetId });
    await getDatasetPage(cast.viewer, { id: datasetId });
    forgetRecentAccess(); // another instance: only the database's unique key stops the repeat
    await getDatasetPage(cast.viewer, { id: datasetId });
    const views = await eventsOf(datasetId, "dataset.viewed");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorId: cast.viewer.id, workspaceId: cast.workspace.id, linkId: null });
  });

  it("records a file download once per person and hour, and again in the next hour", async () => {
    const { recordDownload } = await openFileDownload(cast.editor, fileId);
    await recordDownload();
    await recordDownload();
    expect(await eventsOf(fileId, "file.downloaded")).toHaveLength(1);
    const event = {
      workspaceId: cast.workspace.id,
      action: "file.downloaded" as const,
      resourceType: "file" as const,
      resourceId: fileId,
    };
    const later = new Date(Date.now() + ACCESS_WINDOW_MS);
    expect(await recordAccess(cast.editor, event, later)).toBe(true);
    expect(await recordAccess(cast.editor, event, later)).toBe(false);
    expect(await eventsOf(fileId, "file.downloaded")).toHaveLength(2);
  });

  it("counts different exports of a dataset as different downloads, a repeated one once", async () => {
    const download = (variant: string) =>
      recordAccess(cast.admin, {
        workspaceId: cast.workspace.id,
        action: "dataset.downloaded",
        resourceType: "dataset",
        resourceId: datasetId,
        variant,
      });
    expect([await download("csv:1:all"), await download("parquet:1:all"), await download("csv:1:all")]).toEqual([
      true,
      true,
      false,
    ]);
    expect((await eventsOf(datasetId, "dataset.downloaded")).filter((e) => e.actorId === cast.admin.id)).toHaveLength(
      2,
    );
  });

  it("tells link visitors apart by a keyed id and never stores their address", async () => {
    const link = await createAccessLink(cast.owner, { resourceType: "file", resourceId: fileId, label: "visitors" });
    await openAs(link.token, visit("203.0.113.7"));
    await openAs(link.token, visit("203.0.113.7"));
    await openAs(link.token, visit("203.0.113.8"));
    const opens = await db().auditEvent.findMany({ where: { linkId: link.id, action: "link.used" } });
    expect(opens).toHaveLength(2);
    const visitors = opens.map((e) => (e.details as { visitor?: string }).visitor);
    expect(visitors.every((v) => /^[0-9a-f]{8}$/.test(v ?? ""))).toBe(true);
    expect(new Set(visitors).size).toBe(2);
    expect(JSON.stringify(opens)).not.toContain("203.0.113");
  });
});

describe("insights", () => {
  it("lists a link visitor's view and download with the day's counts, for the link and the folder", async () => {
    const link = await createAccessLink(cast.owner, { resourceType: "folder", resourceId: folderId, label: "board" });
    const visitor = await openAs(link.token, visit(`198.51.100.${++n}`));
    await (await openFileDownload(visitor, fileId)).recordDownload();

    const insights = await getInsights(cast.owner, "link", link.id);
    expect(insights.subject).toMatchObject({ kind: "link", name: "board", resource: { type: "folder", id: folderId } });
    expect(insights.people).toHaveLength(1);
    expect(insights.people[0]).toMatchObject({ kind: "visitor", views: 1, downloads: 1 });
    expect(insights.people[0]!.label).toMatch(/^Visitor [0-9a-f]{6} via link “board”$/);
    expect(insights.events.map((e) => [e.kind, e.what.name])).toEqual(
      expect.arrayContaining([
        ["view", "reports"],
        ["download", "q1.txt"],
      ]),
    );
    expect(insights.days).toHaveLength(30);
    expect(insights.days.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), views: 1, downloads: 1 });
    expect(insights.days.slice(0, -1).every((d) => d.views === 0 && d.downloads === 0)).toBe(true);
    expect(insights.totals).toEqual({ views: 1, downloads: 1, people: 1 });

    // The folder's insights include what happened to the files inside it.
    const folder = await getInsights(cast.admin, "folder", folderId);
    expect(folder.events.some((e) => e.kind === "download" && e.what.id === fileId && e.via?.linkId === link.id)).toBe(
      true,
    );
  });

  it("names signed-in people, including one who came through a link", async () => {
    const link = await createAccessLink(cast.owner, {
      resourceType: "dataset",
      resourceId: datasetId,
      label: "signed-in",
      mode: "authenticated",
    });
    const bob = await cast.extraUser("bob");
    await getDatasetPage(await openAs(link.token, visit(`198.51.100.${++n}`, { viewer: bob })), { id: datasetId });
    const insights = await getInsights(cast.owner, "link", link.id);
    expect(insights.people).toEqual([
      expect.objectContaining({ key: `user:${bob.id}`, kind: "user", label: expect.stringContaining(bob.username!) }),
    ]);
    const dataset = await getInsights(cast.owner, "dataset", datasetId);
    expect(dataset.people.map((p) => p.key)).toEqual(
      expect.arrayContaining([`user:${bob.id}`, `user:${cast.viewer.id}`]),
    );
  });

  it("is for the managers of the workspace only", async () => {
    expect((await getInsights(cast.admin, "dataset", datasetId)).subject.name).toBe("sales");
    expect(await failure(getInsights(cast.editor, "dataset", datasetId))).toMatchObject({ code: "forbidden" });
    expect(await failure(getInsights(cast.viewer, "file", fileId))).toMatchObject({ code: "forbidden" });
    expect(await failure(getInsights(cast.stranger, "folder", folderId))).toMatchObject({ code: "not_found" });
    const link = await createAccessLink(cast.owner, { resourceType: "file", resourceId: fileId });
    expect(await failure(getInsights(cast.stranger, "link", link.id))).toMatchObject({ code: "not_found" });
    expect(await failure(getInsights(cast.editor, "link", link.id))).toMatchObject({ code: "forbidden" });
  });

  it("answers 404 through the REST API for a resource of another workspace", async () => {
    const other = await createWorkspace(cast.owner, { name: "Other", slug: `other-${Date.now().toString(36)}` });
    const query = { resourceType: "dataset" as const, resourceId: datasetId };
    expect((await workspaceInsights(cast.owner, cast.workspace.id, query)).subject.id).toBe(datasetId);
    expect(await failure(workspaceInsights(cast.owner, other.id, query))).toMatchObject({ code: "not_found" });
  });
});

describe("first-open e-mail", () => {
  const mails = (to: string) => db().outbox.findMany({ where: { kind: "first-open", to } });

  it("e-mails the link's creator once, on the first open by someone else", async () => {
    const link = await createAccessLink(cast.owner, { resourceType: "file", resourceId: fileId, label: "notify" });
    expect(await setFirstOpenNotice(cast.owner, { target: "link", id: link.id, notify: true })).toEqual({
      notifyFirstOpen: true,
      firstOpenedAt: null,
    });
    await openAs(link.token, visit("192.0.2.1", { viewer: cast.owner }));
    expect(await mails(cast.owner.email)).toHaveLength(0);

    await openAs(link.token, visit("192.0.2.2"));
    await openAs(link.token, visit("192.0.2.3"));
    const sent = await mails(cast.owner.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^A visitor \([0-9a-f]{6}\) opened the file "q1.txt"$/);
    expect(sent[0]!.text).toContain(`/insights/link/${link.id}`);
    const row = await db().accessLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.firstOpenedAt).not.toBeNull();
  });

  it("e-mails the sharer once when the grantee first opens what was shared", async () => {
    const carol = await cast.extraUser("carol");
    await shareResource(cast.admin, "dataset", datasetId, { grantees: [carol.username!], role: "viewer" });
    const share = await db().share.findFirstOrThrow({ where: { resourceId: datasetId, granteeUserId: carol.id } });
    await setFirstOpenNotice(cast.admin, { target: "share", id: share.id, notify: true });

    await getDatasetPage(carol, { id: datasetId });
    forgetRecentAccess();
    await recordAccess(
      carol,
      { workspaceId: cast.workspace.id, action: "dataset.viewed", resourceType: "dataset", resourceId: datasetId },
      new Date(Date.now() + ACCESS_WINDOW_MS),
    );
    const sent = await mails(cast.admin.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`${carol.username} opened the dataset "sales"`);
  });

  it("tells nobody who can no longer manage the resource", async () => {
    const former = await cast.extraUser("former");
    const membership = await db().membership.create({
      data: { workspaceId: cast.workspace.id, userId: former.id, role: "admin" },
    });
    const dave = await cast.extraUser("dave");
    await shareResource(former, "dataset", datasetId, { grantees: [dave.username!], role: "viewer" });
    const share = await db().share.findFirstOrThrow({ where: { resourceId: datasetId, granteeUserId: dave.id } });
    await setFirstOpenNotice(former, { target: "share", id: share.id, notify: true });
    const link = await createAccessLink(former, { resourceType: "file", resourceId: fileId, label: "former's" });
    await setFirstOpenNotice(former, { target: "link", id: link.id, notify: true });
    await db().membership.delete({ where: { id: membership.id } });

    await getDatasetPage(dave, { id: datasetId });
    await openAs(link.token, visit("192.0.2.44"));
    expect(await mails(former.email)).toHaveLength(0);
  });

  it("can be set by managers only", async () => {
    const link = await createAccessLink(cast.owner, { resourceType: "file", resourceId: fileId });
    expect(await failure(setFirstOpenNotice(cast.editor, { target: "link", id: link.id, notify: true }))).toMatchObject(
      {
        code: "forbidden",
      },
    );
    expect(
      await failure(setFirstOpenNotice(cast.stranger, { target: "link", id: link.id, notify: true })),
    ).toMatchObject({ code: "not_found" });
    expect((await db().accessLink.findUniqueOrThrow({ where: { id: link.id } })).notifyFirstOpen).toBe(false);
  });
});
