import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createFolder } from "./create-folder";
import { listFolder } from "./list-folder";
import { createCast, failure, filesBelow, setupTempStorage } from "./test-support";
import { trashEntries } from "./trash-entries";
import { fileUploadHandler } from "./upload-handler";

setupTestDatabase();
const storage = setupTempStorage();

describe("the tus upload handler for files", () => {
  it("refuses bad names, oversize files and read-only users when the upload starts, with clear messages (quota: tus-uploads.int.test.ts)", async () => {
    const { owner, viewer, stranger, rootId } = await createCast();
    const meta = (extra: Record<string, string>) => ({ kind: "file", folderId: rootId, ...extra });
    expect(
      await fileUploadHandler.authorize(owner, meta({ name: "ok.csv", relativePath: "a/b/ok.csv" }), 10),
    ).toMatchObject({ relativePath: "a/b/ok.csv", name: "ok.csv", onClash: "keep-both" });
    for (const relativePath of ["../x", "a/../../b", "nul\u0000.txt", "back\\slash.txt", "/etc/passwd", "a//b"]) {
      expect(await failure(fileUploadHandler.authorize(owner, meta({ relativePath }), 10))).toMatchObject({
        code: "invalid",
      });
    }
    expect(await failure(fileUploadHandler.authorize(owner, meta({}), 10))).toMatchObject({
      code: "invalid",
      message: "The upload has no file name.",
    });
    expect(await failure(fileUploadHandler.authorize(owner, meta({ name: "x.bin" }), undefined))).toMatchObject({
      code: "bad_request",
    });

    process.env.UPLOAD_MAX_BYTES = "1000";
    try {
      expect(await failure(fileUploadHandler.authorize(owner, meta({ name: "big.bin" }), 1001))).toMatchObject({
        code: "too_large",
        message: '"big.bin" is 1001 B; the largest file you can upload is 1000 B.',
      });
    } finally {
      delete process.env.UPLOAD_MAX_BYTES;
    }
    expect(await failure(fileUploadHandler.authorize(viewer, meta({ name: "v.txt" }), 1))).toMatchObject({
      code: "forbidden",
    });
    expect(await failure(fileUploadHandler.authorize(stranger, meta({ name: "s.txt" }), 1))).toMatchObject({
      code: "not_found",
    });
  });

  it("finishing moves the staged bytes into the blob store and creates the file with its folders; a folder deleted meanwhile leaves nothing", async () => {
    const { owner, rootId } = await createCast();
    const staged = path.join(storage.dir(), "staged-2");
    fs.writeFileSync(staged, "hello");
    const outcome = await fileUploadHandler.finish(owner, {
      id: "2",
      size: 5,
      path: staged,
      metadata: { kind: "file", folderId: rootId, relativePath: "new/deep/hello.txt", onClash: "keep-both" },
    });
    expect(outcome).toMatchObject({ status: "created", name: "hello.txt" });
    expect(fs.existsSync(staged)).toBe(false); // moved, not copied
    const newFolder = (await listFolder(owner, rootId)).entries.find((e) => e.name === "new")!;
    expect(newFolder.kind).toBe("folder");

    const gone = await createFolder(owner, { parentId: rootId, name: "gone" });
    await trashEntries(owner, { ids: [gone.id] });
    const before = filesBelow(storage.blobDir());
    const staged3 = path.join(storage.dir(), "staged-3");
    fs.writeFileSync(staged3, "late");
    expect(
      await failure(
        fileUploadHandler.finish(owner, {
          id: "3",
          size: 4,
          path: staged3,
          metadata: { kind: "file", folderId: gone.id, name: "late.txt" },
        }),
      ),
    ).toMatchObject({ code: "not_found" });
    expect(filesBelow(storage.blobDir())).toEqual(before);
  });
});
