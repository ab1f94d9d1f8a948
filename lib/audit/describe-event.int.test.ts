import { beforeEach, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/activity/export/route";
import { GET as historyRoute } from "@/app/api/sharing/history/route";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { deleteDataset } from "@/lib/catalog/delete-dataset";
import { type Db, getDb, setDb } from "@/lib/db";
import { createFolder } from "@/lib/files/create-folder";
import { moveEntries } from "@/lib/files/move-entries";
import { getRootFolder } from "@/lib/files/root-folder";
import { setupTempStorage } from "@/lib/files/test-support";
import { createAccessLink } from "@/lib/links/manage-links";
import { shareResource } from "@/lib/sharing/share-resource";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { changeMemberRole } from "@/lib/workspaces/members";
import { createWorkspaceCast } from "@/lib/workspaces/test-cast";
import { setupTestDatabase } from "@/test/db";
import { listActivityOptions } from "./activity-options";
import { describeEvent } from "./describe-event";
import { listWorkspaceActivity, toRecord } from "./list-events";
import { resolveEventNames } from "./resolve-names";
import { sentenceText } from "./sentence";

const { db } = setupTestDatabase();
setupTempStorage();

beforeEach(() => resetRateLimits());

const APP = "http://localhost:3000";
const all = { page: 1 } as const;

/** Runs `work` against a client that counts every query it issues. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const counting = db().$extends({
    query: {
      $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  });
  setDb(counting as unknown as Db);
  try {
    return { result: await work(), queries };
  } finally {
    setDb(db());
  }
}

async function cast() {
  const c = await createWorkspaceCast();
  await getDb().user.update({ where: { id: c.owner.id }, data: { name: "Alice Anders" } });
  const dataset = await createEmptyDataset({
    workspaceId: c.workspace.id,
    slug: "orders",
    name: "Orders 2026",
    createdById: c.owner.id,
  });
  return { ...c, dataset };
}

const texts = async (c: Awaited<ReturnType<typeof cast>>) =>
  (await listWorkspaceActivity(c.owner, c.workspace.id, all)).events.map((e) => sentenceText(e.sentence));

describe("the Activity page's sentences, with the real database", () => {
  it("name people and resources (with links), never ids, in at most 10 queries for 3 events or 60", async () => {
    const c = await cast();
    await shareResource(c.owner, "dataset", c.dataset.id, { grantees: ["carol@example.com"], role: "viewer" });
    await changeMemberRole(c.owner, c.workspace.id, { userId: c.editor.id, role: "admin" });
    const root = await getRootFolder(c.workspace.id);
    const board = await createFolder(c.owner, { parentId: root.id, name: "Board pack" });
    await createAccessLink(c.owner, {
      resourceType: "folder",
      resourceId: board.id,
      label: "auditors",
      expiresAt: new Date("2026-12-12T12:00:00Z"),
    });
    const few = await counted(() => listWorkspaceActivity(c.owner, c.workspace.id, all));
    const sentences = few.result.events.map((e) => sentenceText(e.sentence));
    expect(sentences).toContain("Alice Anders shared Orders 2026 with carol@example.com as viewer");
    expect(sentences).toContain(`Alice Anders changed ${c.editor.username}’s role to admin`);
    expect(sentences).toContain(
      "Alice Anders created an access link “auditors” to Board pack (expires 12 Dec 2026, anyone with the link)",
    );
    expect(sentences).toContain("Alice Anders created the folder Board pack in the top folder");
    const share = few.result.events.find((e) => e.action === "share.created")!;
    expect(share.sentence).toContainEqual({
      text: "Orders 2026",
      strong: true,
      href: `/w/${c.workspace.owner}/${c.workspace.slug}/catalog/orders`,
    });
    const folderLink = few.result.events.find((e) => e.action === "link.created")!.sentence.find((p) => p.href);
    expect(folderLink?.href).toBe(`/w/${c.workspace.owner}/${c.workspace.slug}/files/Board%20pack`);
    for (const text of sentences)
      for (const id of [c.dataset.id, board.id, c.editor.id, c.owner.id]) expect(text).not.toContain(id);

    // 60 more events about 60 different folders, moved between folders, by another person
    const inbox = await createFolder(c.owner, { parentId: root.id, name: "Inbox" });
    for (let i = 0; i < 30; i++) {
      const f = await createFolder(c.admin, { parentId: root.id, name: `Report ${i}` });
      await moveEntries(c.admin, { ids: [f.id], targetId: inbox.id });
    }
    const many = await counted(() => listWorkspaceActivity(c.owner, c.workspace.id, all));
    expect(many.result.events).toHaveLength(50);
    expect(many.result.total).toBeGreaterThan(60);
    // at most: the workspace, the access check, the count, the page, five kinds of names, folder paths
    expect(few.queries).toBeLessThanOrEqual(10);
    expect(many.queries).toBeLessThanOrEqual(10);
    const moved = many.result.events.find((e) => e.action === "folder.moved")!;
    expect(sentenceText(moved.sentence)).toMatch(
      new RegExp(`^${c.admin.username} moved Report \\d+ from the top folder to Inbox$`),
    );
  });

  it("name a deleted dataset from what the record kept, and a resource nothing is left of as 'a deleted …'", async () => {
    const c = await cast();
    await shareResource(c.owner, "dataset", c.dataset.id, { grantees: [c.stranger.username!], role: "editor" });
    await deleteDataset(c.owner, c.dataset.id, "orders");
    const sentences = await texts(c);
    expect(sentences).toContain("Alice Anders deleted the dataset Orders 2026 (a deleted dataset)");
    // the share record kept no name: the dataset is gone, and says so
    expect(sentences).toContain(`Alice Anders shared a deleted dataset with ${c.stranger.username} as editor`);
  });

  it("filter by person, kind and resource together, 50 to a page", async () => {
    const c = await cast();
    await shareResource(c.owner, "dataset", c.dataset.id, { grantees: ["dan@example.com"], role: "viewer" });
    await shareResource(c.admin, "dataset", c.dataset.id, { grantees: ["erin@example.com"], role: "viewer" });
    await changeMemberRole(c.admin, c.workspace.id, { userId: c.editor.id, role: "admin" });
    const list = (filter: Record<string, string>) =>
      listWorkspaceActivity(c.owner, c.workspace.id, { page: 1, ...filter }).then((p) =>
        p.events.map((e) => sentenceText(e.sentence)),
      );
    expect(await list({ person: c.admin.id })).toHaveLength(2);
    expect(await list({ person: c.admin.id, kind: "sharing" })).toEqual([
      `${c.admin.username} shared Orders 2026 with erin@example.com as viewer`,
    ]);
    expect(await list({ kind: "sharing", resource: `dataset:${c.dataset.id}` })).toHaveLength(2);
    expect(await list({ kind: "members", resource: `dataset:${c.dataset.id}` })).toEqual([]);
  });

  it("offer the people who acted and the resources events are about, deleted ones by their kept name", async () => {
    const c = await cast();
    const other = await createEmptyDataset({
      workspaceId: c.workspace.id,
      slug: "old",
      name: "Old orders",
      createdById: c.owner.id,
    });
    await shareResource(c.admin, "dataset", c.dataset.id, { grantees: ["dan@example.com"], role: "viewer" });
    await shareResource(c.owner, "dataset", other.id, { grantees: ["dan@example.com"], role: "viewer" });
    await deleteDataset(c.owner, other.id, "old");
    const options = await listActivityOptions(c.owner, c.workspace.id);
    expect(options.people.map((p) => p.label).sort()).toEqual(["Alice Anders", c.admin.username].sort());
    expect(options.resources).toEqual(
      expect.arrayContaining([
        { value: `dataset:${c.dataset.id}`, label: "Orders 2026 (dataset)" },
        { value: `dataset:${other.id}`, label: "Old orders (deleted dataset)" },
      ]),
    );
    await expect(listActivityOptions(c.editor, c.workspace.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keep the page for managers: a member is refused", async () => {
    const c = await cast();
    await expect(listWorkspaceActivity(c.editor, c.workspace.id, all)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listWorkspaceActivity(c.stranger, c.workspace.id, all)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("GET /api/activity/export", () => {
  it("streams the filtered events as CSV with ISO times, sentences and formulas neutralised", async () => {
    const c = await cast();
    await getDb().dataset.update({ where: { id: c.dataset.id }, data: { name: "=HYPERLINK(1)" } });
    await shareResource(c.owner, "dataset", c.dataset.id, { grantees: ["carol@example.com"], role: "viewer" });
    await changeMemberRole(c.owner, c.workspace.id, { userId: c.editor.id, role: "admin" });
    const { token } = await createApiToken(c.owner.id, { name: "t" });
    const response = await exportRoute(
      new Request(`${APP}/api/activity/export?workspace=${c.workspace.id}&kind=sharing`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`activity-${c.workspace.slug}-`);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('"time","actor","action","sentence","resource"');
    expect(lines[1]).toMatch(
      /^"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z","Alice Anders","share\.created","Alice Anders shared =HYPERLINK\(1\) with carol@example\.com as viewer","'=HYPERLINK\(1\)"$/,
    );
  });

  it("refuses a member (403), a stranger (404) and a bad filter (422)", async () => {
    const c = await cast();
    const get = async (userId: string, query: string) => {
      const { token } = await createApiToken(userId, { name: "t" });
      return exportRoute(
        new Request(`${APP}/api/activity/export?${query}`, { headers: { Authorization: `Bearer ${token}` } }),
      );
    };
    expect((await get(c.editor.id, `workspace=${c.workspace.id}`)).status).toBe(403);
    expect((await get(c.stranger.id, `workspace=${c.workspace.id}`)).status).toBe(404);
    const bad = await get(c.owner.id, `workspace=${c.workspace.id}&kind=everything`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "invalid", fieldErrors: { kind: expect.any(String) } });
  });
});

describe("GET /api/sharing/history", () => {
  it("gives the resource's manager the Activity page's sentences for that resource", async () => {
    const c = await cast();
    const root = await getRootFolder(c.workspace.id);
    const secret = await createFolder(c.owner, { parentId: root.id, name: "Secret plans" });
    const shared = await createFolder(c.owner, { parentId: root.id, name: "Shared" });
    const report = await createFolder(c.owner, { parentId: secret.id, name: "Report" });
    await moveEntries(c.owner, { ids: [report.id], targetId: shared.id });
    await shareResource(c.owner, "folder", report.id, { grantees: [c.stranger.username!], role: "editor" });
    const { token } = await createApiToken(c.owner.id, { name: "t" });
    const response = await historyRoute(
      new Request(`${APP}/api/sharing/history?type=folder&id=${report.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    const events = (await response.json()) as { action: string; sentence: { text: string }[] }[];
    expect(events.map((e) => e.sentence.map((p) => p.text).join(""))).toEqual([
      `Alice Anders shared Report with ${c.stranger.username} as editor`,
      "Alice Anders moved Report from Secret plans to Shared",
      "Alice Anders created the folder Report in Secret plans",
    ]);
    expect(events[0]).toHaveProperty("action", "share.created");
  });

  it("names, for someone who manages only one folder, no folder outside it", async () => {
    const c = await cast();
    const root = await getRootFolder(c.workspace.id);
    const secret = await createFolder(c.owner, { parentId: root.id, name: "Secret plans" });
    const shared = await createFolder(c.owner, { parentId: root.id, name: "Shared" });
    const inner = await createFolder(c.owner, { parentId: shared.id, name: "Inner" });
    await moveEntries(c.owner, { ids: [inner.id], targetId: secret.id });
    await moveEntries(c.owner, { ids: [inner.id], targetId: shared.id });
    const rows = (
      await getDb().auditEvent.findMany({
        where: { resourceId: inner.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      })
    ).map(toRecord);
    const names = await resolveEventNames(rows, {
      workspaceId: c.workspace.id,
      within: { type: "folder", id: shared.id },
    });
    const sentences = rows.map((r) => sentenceText(describeEvent(r, names))).join(" | ");
    expect(sentences).toContain("moved Inner from another folder to Shared");
    expect(sentences).not.toContain("Secret plans");
  });
});
