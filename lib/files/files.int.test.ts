import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { getBlobStore } from "@/lib/storage";
import { createFolder } from "./create-folder";
import { deleteForever, emptyTrash } from "./delete-forever";
import { findUploadClashes } from "./find-upload-clashes";
import { getFolderView } from "./folder-view";
import { listFolder } from "./list-folder";
import { listTrash } from "./list-trash";
import { moveEntries } from "./move-entries";
import { workspaceUsage } from "./quota";
import { renameEntry } from "./rename-entry";
import { restoreEntries } from "./restore-entries";
import { trashEntries } from "./trash-entries";
import { createCast, failure, filesBelow, putFile, setupTempStorage } from "./test-support";

const { db } = setupTestDatabase();
const storage = setupTempStorage();

const names = async (actor: Parameters<typeof listFolder>[0], folderId: string) =>
  (await listFolder(actor, folderId)).entries.map((e) => e.name);

describe("folders and names", () => {
  it("creates folders, refuses bad names with clear messages and clashes in any case, across kinds", async () => {
    const { owner, rootId } = await createCast();
    const reports = await createFolder(owner, { parentId: rootId, name: "  Reports " });
    expect(reports.name).toBe("Reports");
    await createFolder(owner, { parentId: reports.id, name: "2026" });
    for (const bad of ["", "..", "../x", "a/../../b", "nul\u0000", "back\\slash", "x".repeat(256)]) {
      expect(await failure(createFolder(owner, { parentId: rootId, name: bad }))).toMatchObject({
        code: "invalid",
        fieldErrors: { name: expect.any(String) },
      });
    }
    expect(await failure(createFolder(owner, { parentId: rootId, name: "REPORTS" }))).toMatchObject({
      code: "conflict",
      message: 'An item named "REPORTS" already exists in this folder.',
    });
    await putFile(owner, rootId, "notes.txt", "hello");
    expect(await failure(createFolder(owner, { parentId: rootId, name: "Notes.TXT" }))).toMatchObject({
      code: "conflict",
    });
    expect(await names(owner, rootId)).toEqual(["Reports", "notes.txt"]); // folders first
  });

  it("renames, refusing clashes, bad names and the top folder", async () => {
    const { owner, rootId } = await createCast();
    const a = await createFolder(owner, { parentId: rootId, name: "a" });
    await createFolder(owner, { parentId: rootId, name: "b" });
    const file = await putFile(owner, rootId, "data.csv", "x,y\n1,2\n");
    expect(await renameEntry(owner, { id: a.id, name: "A renamed" })).toEqual({ id: a.id, name: "A renamed" });
    expect(await failure(renameEntry(owner, { id: a.id, name: "B" }))).toMatchObject({ code: "conflict" });
    expect(await failure(renameEntry(owner, { id: a.id, name: "x/y" }))).toMatchObject({ code: "invalid" });
    expect(await failure(renameEntry(owner, { id: rootId, name: "top" }))).toMatchObject({ code: "invalid" });
    // A file's type follows its name: it is never whatever the client claimed.
    await renameEntry(owner, { id: file.status !== "skipped" ? file.id : "", name: "data.json" });
    const [row] = (await listFolder(owner, rootId, { kind: "file" })).entries;
    expect(row).toMatchObject({ name: "data.json", mimeType: "application/json", preview: "text" });
  });

  it("resolves URL paths by name, case-insensitively, with a file at the end; unknown paths are 404", async () => {
    const { owner, stranger, workspace, rootId } = await createCast();
    const reports = await createFolder(owner, { parentId: rootId, name: "Reports" });
    const y2026 = await createFolder(owner, { parentId: reports.id, name: "2026" });
    await putFile(owner, y2026.id, "Q1.csv", "a\n1\n");
    const view = await getFolderView(owner, workspace.id, ["reports", "2026"]);
    expect(view).toMatchObject({
      folder: { id: y2026.id },
      crumbs: [{ id: rootId, name: "" }, { name: "Reports" }, { name: "2026" }],
      capabilities: { write: true, manage: true },
      file: null,
    });
    expect((await getFolderView(owner, workspace.id, ["Reports", "2026", "q1.csv"])).file).toMatchObject({
      name: "Q1.csv",
      preview: "table",
    });
    expect(await failure(getFolderView(owner, workspace.id, ["Reports", "nope"]))).toMatchObject({ code: "not_found" });
    expect(await failure(getFolderView(owner, workspace.id, ["Reports", "2026", "Q1.csv", "deeper"]))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(getFolderView(stranger, workspace.id, ["Reports"]))).toMatchObject({ code: "not_found" });
  });
});

describe("listing", () => {
  it("sorts folders first by any column, pages with offsets and counts", async () => {
    const { owner, rootId } = await createCast();
    await createFolder(owner, { parentId: rootId, name: "zeta" });
    await createFolder(owner, { parentId: rootId, name: "Alpha" });
    await putFile(owner, rootId, "big.bin", Buffer.alloc(3000));
    await putFile(owner, rootId, "small.txt", "hi");
    await putFile(owner, rootId, "Middle.csv", "a\n1\n");
    expect(await names(owner, rootId)).toEqual(["Alpha", "zeta", "big.bin", "Middle.csv", "small.txt"]);
    const bySize = await listFolder(owner, rootId, { sort: "size", dir: "desc" });
    expect(bySize.entries.map((e) => e.name)).toEqual(["Alpha", "zeta", "big.bin", "Middle.csv", "small.txt"]);
    expect(bySize.entries[2]).toMatchObject({
      size: 3000,
      kind: "file",
      typeLabel: "BIN file",
      modifiedBy: expect.stringMatching(/^own/),
    });
    const byNameDesc = await listFolder(owner, rootId, { sort: "name", dir: "desc" });
    expect(byNameDesc.entries.map((e) => e.name)).toEqual(["zeta", "Alpha", "small.txt", "Middle.csv", "big.bin"]);
    const page1 = await listFolder(owner, rootId, { limit: 2 });
    expect(page1).toMatchObject({ total: 5, nextOffset: 2 });
    const page3 = await listFolder(owner, rootId, { limit: 2, offset: 4 });
    expect(page3).toMatchObject({ total: 5, nextOffset: null, entries: [{ name: "small.txt" }] });
    expect((await listFolder(owner, rootId, { kind: "folder" })).entries.map((e) => e.name)).toEqual(["Alpha", "zeta"]);
    expect(await failure(listFolder(owner, rootId, { sort: "evil" as "name" }))).toMatchObject({ code: "invalid" });
  });
});

describe("moving", () => {
  it("moves a subtree, rewriting the ancestry of everything below, and refuses moving into itself", async () => {
    const { owner, rootId } = await createCast();
    const a = await createFolder(owner, { parentId: rootId, name: "a" });
    const b = await createFolder(owner, { parentId: a.id, name: "b" });
    const c = await createFolder(owner, { parentId: b.id, name: "c" });
    const deep = await putFile(owner, c.id, "deep.txt", "deep");
    const target = await createFolder(owner, { parentId: rootId, name: "target" });
    for (const into of [a.id, b.id, c.id]) {
      expect(await failure(moveEntries(owner, { ids: [a.id], targetId: into }))).toMatchObject({
        code: "invalid",
        message: expect.stringMatching(/into itself or one of its own subfolders/),
      });
    }
    expect(await moveEntries(owner, { ids: [b.id], targetId: target.id })).toMatchObject({ moved: 1, clashes: [] });
    const row = await db().fileEntry.findUniqueOrThrow({ where: { id: deep.status !== "skipped" ? deep.id : "" } });
    expect(row.ancestry).toBe(`/${rootId}/${target.id}/${b.id}/${c.id}/`);
    expect(
      (
        await getFolderView(owner, (await db().fileEntry.findUniqueOrThrow({ where: { id: a.id } })).workspaceId, [
          "target",
          "b",
          "c",
          "deep.txt",
        ])
      ).file,
    ).toMatchObject({ name: "deep.txt" });
    expect(await names(owner, a.id)).toEqual([]);
    expect(await failure(moveEntries(owner, { ids: [rootId], targetId: target.id }))).toMatchObject({
      code: "invalid",
    });
  });

  it("asks on a clash without changing anything, then keeps both, replaces (old to trash) or skips", async () => {
    const { owner, rootId } = await createCast();
    const inbox = await createFolder(owner, { parentId: rootId, name: "inbox" });
    const archive = await createFolder(owner, { parentId: rootId, name: "archive" });
    const put = async (folder: string, name: string, body: string) => {
      const r = await putFile(owner, folder, name, body);
      return r.status === "skipped" ? "" : r.id;
    };
    const one = await put(inbox.id, "report.csv", "new");
    await put(archive.id, "Report.csv", "old");
    expect(await moveEntries(owner, { ids: [one], targetId: archive.id })).toMatchObject({
      moved: 0,
      clashes: ["report.csv"],
    });
    expect(await names(owner, inbox.id)).toEqual(["report.csv"]);

    expect(await moveEntries(owner, { ids: [one], targetId: archive.id, onClash: "keep-both" })).toMatchObject({
      moved: 1,
      renamed: [{ from: "report.csv", to: "report (1).csv" }],
    });
    expect(await names(owner, archive.id)).toEqual(["report (1).csv", "Report.csv"]); // " " sorts before "."

    const two = await put(inbox.id, "report.csv", "newer");
    expect(await moveEntries(owner, { ids: [two], targetId: archive.id, onClash: "skip" })).toMatchObject({
      moved: 0,
      skipped: ["report.csv"],
    });
    expect(await moveEntries(owner, { ids: [two], targetId: archive.id, onClash: "replace" })).toMatchObject({
      moved: 1,
      replaced: ["report.csv"],
    });
    expect(await names(owner, archive.id)).toEqual(["report (1).csv", "report.csv"]);
    const trash = await listTrash(
      owner,
      (await db().fileEntry.findUniqueOrThrow({ where: { id: rootId } })).workspaceId,
    );
    expect(trash.map((t) => [t.name, t.originalPath])).toEqual([["Report.csv", "/archive"]]);
  });
});

describe("trash", () => {
  it("deletes to the trash, restores with contents (managers only), keeps separately deleted things in the trash", async () => {
    const { owner, editor, admin, workspace, rootId } = await createCast();
    const docs = await createFolder(editor, { parentId: rootId, name: "docs" });
    const sub = await createFolder(editor, { parentId: docs.id, name: "sub" });
    const early = await putFile(editor, sub.id, "early.txt", "deleted first");
    const keep = await putFile(editor, sub.id, "keep.txt", "stays with its folder");
    const earlyId = early.status !== "skipped" ? early.id : "";
    await trashEntries(editor, { ids: [earlyId] });
    // sub is inside docs: acted on once, and only docs is named as trashed (what an Undo restores).
    expect(await trashEntries(editor, { ids: [docs.id, sub.id] })).toEqual({ trashed: 1, ids: [docs.id] });
    expect(await names(owner, rootId)).toEqual([]);
    expect(await failure(listFolder(owner, docs.id))).toMatchObject({ code: "not_found" });
    expect((await listTrash(owner, workspace.id)).map((t) => [t.name, t.originalPath, t.trashedBy])).toEqual([
      ["docs", "/", expect.stringMatching(/^edi/)],
      ["early.txt", "/docs/sub", expect.stringMatching(/^edi/)],
    ]);
    // The name is free again while the old one is in the trash.
    await createFolder(owner, { parentId: rootId, name: "docs" });

    expect(await failure(restoreEntries(editor, { ids: [docs.id] }))).toMatchObject({ code: "forbidden" });
    expect(await failure(restoreEntries(admin, { ids: [earlyId] }))).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Restore that folder first/),
    });
    expect(await failure(restoreEntries(admin, { ids: [sub.id] }))).toMatchObject({ code: "not_found" }); // not in the trash by itself
    expect(await restoreEntries(admin, { ids: [docs.id] })).toEqual({
      restored: 1,
      renamed: [{ from: "docs", to: "docs (1)" }],
    });
    expect(await names(owner, rootId)).toEqual(["docs", "docs (1)"]);
    expect(await names(owner, sub.id)).toEqual(["keep.txt"]);
    expect(keep.status).toBe("created");
    expect((await listTrash(owner, workspace.id)).map((t) => t.name)).toEqual(["early.txt"]);
    await restoreEntries(owner, { ids: [earlyId] });
    expect(await names(owner, sub.id)).toEqual(["early.txt", "keep.txt"]);
  });

  it("empties the trash (managers only): rows and blobs are gone and the quota is freed", async () => {
    const { editor, admin, workspace, rootId } = await createCast();
    const folder = await createFolder(editor, { parentId: rootId, name: "old" });
    await putFile(editor, folder.id, "a.bin", Buffer.alloc(1000));
    const b = await putFile(editor, rootId, "b.bin", Buffer.alloc(500));
    const kept = await putFile(editor, rootId, "kept.bin", Buffer.alloc(10));
    const blobOf = async (id: string) => (await db().fileEntry.findUniqueOrThrow({ where: { id } })).blobKey!;
    const keptBlob = await blobOf(kept.status !== "skipped" ? kept.id : "");
    const bId = b.status !== "skipped" ? b.id : "";
    const bBlob = await blobOf(bId);
    await trashEntries(editor, { ids: [folder.id, bId] });
    expect(await workspaceUsage(workspace.id)).toBe(1510); // the trash still takes space
    expect(await failure(emptyTrash(editor, { workspaceId: workspace.id }))).toMatchObject({ code: "forbidden" });
    expect(await deleteForever(admin, { ids: [bId] })).toEqual({ deleted: 1, bytes: 500 });
    expect(await getBlobStore().stat(bBlob)).toBeNull();
    expect(await emptyTrash(admin, { workspaceId: workspace.id })).toEqual({ deleted: 2, bytes: 1000 });
    expect(await listTrash(admin, workspace.id)).toEqual([]);
    expect(await workspaceUsage(workspace.id)).toBe(10);
    expect(await getBlobStore().stat(keptBlob)).not.toBeNull();
    expect(await db().fileEntry.count({ where: { workspaceId: workspace.id } })).toBe(2); // root + kept.bin
    expect(filesBelow(storage.blobDir()).filter((f) => f.includes(workspace.id))).toEqual([keptBlob]);
  });
});

describe("access", () => {
  it("lets viewers browse but not write (403), and hides everything from strangers (404)", async () => {
    const { owner, viewer, stranger, editor, workspace, rootId } = await createCast();
    const folder = await createFolder(owner, { parentId: rootId, name: "shared" });
    const file = await putFile(owner, folder.id, "a.txt", "a");
    const fileId = file.status !== "skipped" ? file.id : "";
    expect(await names(viewer, folder.id)).toEqual(["a.txt"]);
    expect((await getFolderView(viewer, workspace.id, ["shared"])).capabilities).toEqual({
      write: false,
      manage: false,
      download: true,
    });
    for (const attempt of [
      () => createFolder(viewer, { parentId: folder.id, name: "x" }),
      () => renameEntry(viewer, { id: fileId, name: "b.txt" }),
      () => moveEntries(viewer, { ids: [fileId], targetId: rootId }),
      () => trashEntries(viewer, { ids: [fileId] }),
      () => putFile(viewer, folder.id, "up.txt", "no"),
      () => findUploadClashes(viewer, { folderId: folder.id, paths: ["a.txt"] }),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "forbidden", message: "You have read-only access here." });
    }
    for (const attempt of [
      () => listFolder(stranger, folder.id),
      () => createFolder(stranger, { parentId: folder.id, name: "x" }),
      () => renameEntry(stranger, { id: fileId, name: "b.txt" }),
      () => moveEntries(stranger, { ids: [fileId], targetId: rootId }),
      () => trashEntries(stranger, { ids: [fileId] }),
      () => restoreEntries(stranger, { ids: [fileId] }),
      () => emptyTrash(stranger, { workspaceId: workspace.id }),
      () => putFile(stranger, folder.id, "up.txt", "no"),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "not_found" });
    }
    expect(await listTrash(stranger, workspace.id)).toEqual([]);
    expect(await listTrash(viewer, workspace.id)).toEqual([]);
    // A stranger cannot move their own things into someone else's folder either.
    const theirs = await getFolderView(
      stranger,
      (await db().workspace.findFirstOrThrow({ where: { ownerId: stranger.id } })).id,
      [],
    );
    expect(await failure(moveEntries(stranger, { ids: [theirs.folder!.id], targetId: folder.id }))).toMatchObject({
      code: "not_found",
    });
    await renameEntry(editor, { id: fileId, name: "b.txt" }); // members edit
  });
});

describe("upload clash check and quota", () => {
  it("reports which uploaded paths already exist, through existing folders only", async () => {
    const { owner, rootId } = await createCast();
    await putFile(owner, rootId, "photos/2026/a.jpg", "a");
    await putFile(owner, rootId, "b.txt", "b");
    const { clashes } = await findUploadClashes(owner, {
      folderId: rootId,
      paths: ["B.TXT", "c.txt", "photos/2026/a.jpg", "photos/2026/new.jpg", "photos/2027/a.jpg"],
    });
    expect(clashes).toEqual(["B.TXT", "photos/2026/a.jpg"]);
    expect(await failure(findUploadClashes(owner, { folderId: rootId, paths: ["../etc/passwd"] }))).toMatchObject({
      code: "invalid",
    });
  });

  it("refuses content that would exceed the workspace quota and leaves no blob behind", async () => {
    const { owner, workspace, rootId } = await createCast();
    process.env.FILES_QUOTA_BYTES = "1000";
    try {
      await putFile(owner, rootId, "fits.bin", Buffer.alloc(900));
      const before = filesBelow(storage.blobDir());
      expect(await failure(putFile(owner, rootId, "too-much.bin", Buffer.alloc(101)))).toMatchObject({
        code: "too_large",
        message: expect.stringMatching(
          /Not enough space: this file needs 101 B, but the workspace has 100 B left of its 1000 B quota/,
        ),
      });
      expect(filesBelow(storage.blobDir())).toEqual(before);
      expect(await names(owner, rootId)).toEqual(["fits.bin"]);
      expect(await workspaceUsage(workspace.id)).toBe(900);
    } finally {
      delete process.env.FILES_QUOTA_BYTES;
    }
  });
});
