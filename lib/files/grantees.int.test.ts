import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { Actor } from "@/lib/access";
import { createFolder } from "./create-folder";
import { getFolderView } from "./folder-view";
import { listFolder } from "./list-folder";
import { openFileDownload } from "./open-download";
import { renameEntry } from "./rename-entry";
import { trashEntries } from "./trash-entries";
import { zipFolder } from "./zip-folder";
import { type Cast, createCast, failure, putFile, setupTempStorage } from "./test-support";

const { db } = setupTestDatabase();
setupTempStorage();

/** A grant as the sharing module stores it: on the container, never copied to children. */
async function grant(
  cast: Cast,
  entryId: string,
  grantee: Actor,
  role: "viewer" | "editor",
  expiresAt: Date | null = null,
) {
  const entry = await db().fileEntry.findUniqueOrThrow({ where: { id: entryId } });
  await db().share.create({
    data: {
      workspaceId: cast.workspace.id,
      resourceType: entry.kind,
      resourceId: entry.id,
      fileEntryId: entry.id,
      granteeType: "user",
      granteeUserId: grantee.id,
      granteeKey: `user:${grantee.id}`,
      role,
      createdById: cast.owner.id,
      expiresAt,
    },
  });
}

const idOf = (outcome: Awaited<ReturnType<typeof putFile>>) => (outcome.status === "skipped" ? "" : outcome.id);
const names = async (actor: Actor, folderId: string) => (await listFolder(actor, folderId)).entries.map((e) => e.name);

/** /projects/alpha/{specs/, plan.txt}, /projects/beta/secret.txt, /hr/salaries.csv, /hr/holidays.txt */
async function tree(cast: Cast) {
  const { owner, rootId } = cast;
  const projects = await createFolder(owner, { parentId: rootId, name: "projects" });
  const alpha = await createFolder(owner, { parentId: projects.id, name: "alpha" });
  const beta = await createFolder(owner, { parentId: projects.id, name: "beta" });
  const specs = await createFolder(owner, { parentId: alpha.id, name: "specs" });
  const plan = idOf(await putFile(owner, alpha.id, "plan.txt", "the plan"));
  const secret = idOf(await putFile(owner, beta.id, "secret.txt", "secret"));
  const hr = await createFolder(owner, { parentId: rootId, name: "hr" });
  const salaries = idOf(await putFile(owner, hr.id, "salaries.csv", "name,eur\nann,1\n"));
  const holidays = idOf(await putFile(owner, hr.id, "holidays.txt", "dates"));
  return { projects, alpha, beta, specs, plan, secret, hr, salaries, holidays };
}

describe("grantees who are not members", () => {
  it("a folder grant covers its subtree, including what is added later; editors write there, viewers get 403, strangers 404", async () => {
    const cast = await createCast();
    const { owner, stranger, workspace } = cast;
    const t = await tree(cast);
    // The cast's editor and viewer are a member and a whole-workspace grantee; these are outsiders.
    const outsiderEditor = (await createCast()).stranger;
    const outsiderViewer = (await createCast()).stranger;
    await grant(cast, t.alpha.id, outsiderEditor, "editor");
    await grant(cast, t.alpha.id, outsiderViewer, "viewer");

    // Added after the grant, by the owner: covered.
    const later = await createFolder(owner, { parentId: t.alpha.id, name: "later" });
    await putFile(owner, later.id, "new.txt", "new");
    expect(await names(outsiderViewer, later.id)).toEqual(["new.txt"]);
    expect(await names(outsiderViewer, t.alpha.id)).toEqual(["later", "specs", "plan.txt"]);

    // The editor grantee uploads and creates folders in the granted folder and in its newer subfolders.
    const sub = await createFolder(outsiderEditor, { parentId: later.id, name: "made by grantee" });
    expect(await putFile(outsiderEditor, sub.id, "upload.txt", "up")).toMatchObject({ status: "created" });
    await renameEntry(outsiderEditor, { id: t.plan, name: "plan-v2.txt" });
    expect((await getFolderView(outsiderEditor, workspace.id, ["projects", "alpha", "later"])).capabilities).toEqual({
      write: true,
      manage: false,
      download: true,
    });
    // ... but not outside it, nor the granted folder itself into the unreadable parent.
    expect(await failure(createFolder(outsiderEditor, { parentId: t.projects.id, name: "x" }))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(putFile(outsiderEditor, t.beta.id, "x.txt", "x"))).toMatchObject({ code: "not_found" });

    // The viewer grantee reads but cannot write anywhere in it.
    expect((await getFolderView(outsiderViewer, workspace.id, ["projects", "alpha"])).capabilities).toEqual({
      write: false,
      manage: false,
      download: true,
    });
    for (const attempt of [
      () => createFolder(outsiderViewer, { parentId: later.id, name: "x" }),
      () => putFile(outsiderViewer, t.alpha.id, "x.txt", "x"),
      () => trashEntries(outsiderViewer, { ids: [t.plan] }),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "forbidden" });
    }

    // Everything else in the workspace does not exist for them, nor anything for a stranger.
    for (const actor of [outsiderViewer, outsiderEditor]) {
      expect(await failure(listFolder(actor, t.beta.id))).toMatchObject({ code: "not_found" });
      expect(await failure(listFolder(actor, t.projects.id))).toMatchObject({ code: "not_found" });
      expect(await failure(getFolderView(actor, workspace.id, ["projects", "beta"]))).toMatchObject({
        code: "not_found",
      });
      expect(await failure(getFolderView(actor, workspace.id, ["projects"]))).toMatchObject({ code: "not_found" });
      expect(await failure(openFileDownload(actor, t.secret))).toMatchObject({ code: "not_found" });
      expect(await failure(zipFolder(actor, t.projects.id))).toMatchObject({ code: "not_found" });
    }
    for (const attempt of [
      () => listFolder(stranger, cast.rootId),
      () => listFolder(stranger, t.alpha.id),
      () => getFolderView(stranger, workspace.id, []),
      () => getFolderView(stranger, workspace.id, ["projects", "alpha"]),
      () => openFileDownload(stranger, t.plan),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "not_found" });
    }
  });

  it("opens a deep folder by its URL through unreadable folders, which appear as crumbs without ids; the top folder lists only the topmost shared items", async () => {
    const cast = await createCast();
    const { workspace, rootId } = cast;
    const t = await tree(cast);
    const grantee = (await createCast()).stranger;
    await grant(cast, t.alpha.id, grantee, "viewer");
    await grant(cast, t.plan, grantee, "viewer"); // inside the granted folder: not listed twice
    await grant(cast, t.salaries, grantee, "viewer"); // a file alone in an unreadable folder

    const view = await getFolderView(grantee, workspace.id, ["projects", "alpha"]);
    expect(view).toMatchObject({
      folder: { id: t.alpha.id },
      mode: "full",
      crumbs: [
        { id: rootId, name: "" },
        { id: null, name: "projects" },
        { id: t.alpha.id, name: "alpha" },
      ],
    });

    const top = await getFolderView(grantee, workspace.id, []);
    expect(top).toMatchObject({
      folder: { id: rootId },
      mode: "shared",
      capabilities: { write: false, manage: false },
    });
    const listed = await listFolder(grantee, rootId);
    expect(listed.entries.map((e) => [e.name, e.location])).toEqual([
      ["alpha", ["projects"]],
      ["salaries.csv", ["hr"]],
    ]);
    expect(listed.total).toBe(2);
    // The owner sees the top folder as it is.
    expect(await names(cast.owner, rootId)).toEqual(["hr", "projects"]);
  });

  it("a file shared by itself inside an unreadable folder: only that file is visible, through ?file=", async () => {
    const cast = await createCast();
    const { workspace } = cast;
    const t = await tree(cast);
    const grantee = (await createCast()).stranger;
    await grant(cast, t.salaries, grantee, "viewer");

    const view = await getFolderView(grantee, workspace.id, ["hr"], { fileId: t.salaries });
    expect(view).toMatchObject({
      folder: null,
      file: { id: t.salaries, name: "salaries.csv" },
      capabilities: { write: false, manage: false },
    });
    expect(view.crumbs.map((c) => c.id === null)).toEqual([false, true]);
    expect((await getFolderView(grantee, workspace.id, ["hr", "salaries.csv"])).file).toMatchObject({ id: t.salaries });
    expect(await (await openFileDownload(grantee, t.salaries)).file.name).toBe("salaries.csv");

    // The folder itself, its other files, and the file by a wrong folder are all 404.
    expect(await failure(getFolderView(grantee, workspace.id, ["hr"]))).toMatchObject({ code: "not_found" });
    expect(await failure(getFolderView(grantee, workspace.id, ["hr"], { fileId: t.holidays }))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(getFolderView(grantee, workspace.id, ["hr", "holidays.txt"]))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(getFolderView(grantee, workspace.id, ["projects"], { fileId: t.salaries }))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(listFolder(grantee, t.hr.id))).toMatchObject({ code: "not_found" });
    expect(await failure(openFileDownload(grantee, t.holidays))).toMatchObject({ code: "not_found" });
  });

  it("expired grants and trashed items show nothing", async () => {
    const cast = await createCast();
    const { workspace, rootId, owner } = cast;
    const t = await tree(cast);
    const grantee = (await createCast()).stranger;
    await grant(cast, t.alpha.id, grantee, "viewer", new Date(Date.now() - 1000));
    expect(await failure(getFolderView(grantee, workspace.id, ["projects", "alpha"]))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(getFolderView(grantee, workspace.id, []))).toMatchObject({ code: "not_found" });

    await grant(cast, t.beta.id, grantee, "viewer");
    expect((await listFolder(grantee, rootId)).entries.map((e) => e.name)).toEqual(["beta"]);
    await trashEntries(owner, { ids: [t.projects.id] });
    expect((await listFolder(grantee, rootId)).entries).toEqual([]);
    expect(await failure(listFolder(grantee, t.beta.id))).toMatchObject({ code: "not_found" });
  });
});
