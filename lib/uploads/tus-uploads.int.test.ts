// The tus endpoint as a client sees it: quota and open-upload limits, zero-byte files, an upload
// whose finishing step was interrupted, a disk that fills up. (The crash of a real server
// process: tus-crash.int.test.ts.)
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { listFolder } from "@/lib/files/list-folder";
import { createCast, filesBelow, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { tusCreate, tusDelete, tusHead, tusLocation, tusPatch } from "./tus-requests";
import { createTusServer, handleTusRequest, type TusServer } from "./tus-server";

setupTestDatabase();
const storage = setupTempStorage();
const uploadDir = () => path.join(storage.dir(), "uploads");
let server: TusServer;

beforeAll(() => {
  server = createTusServer();
});
afterAll(() => {
  delete process.env.FILES_QUOTA_BYTES;
  delete process.env.UPLOAD_MAX_OPEN_PER_USER;
});

const ORIGIN = "http://app.local";

async function create(actor: Actor, folderId: string, name: string, size: number): Promise<Response> {
  return handleTusRequest(actor, tusCreate(ORIGIN, size, { kind: "file", folderId, name }), server);
}
const locationOf = (created: Response) => tusLocation(ORIGIN, created);
const idOf = (location: string) => location.split("/").pop()!;
const head = (actor: Actor, location: string) => handleTusRequest(actor, tusHead(location), server);
const patch = (actor: Actor, location: string, offset: number, body: string) =>
  handleTusRequest(actor, tusPatch(location, offset, body), server);
const names = async (actor: Actor, folderId: string) =>
  (await listFolder(actor, folderId)).entries.map((e) => e.name).sort();

describe("tus uploads", () => {
  it("uploads in progress count against the workspace quota, and a user may have only so many open at a time", async () => {
    const { owner, editor, rootId } = await createCast();
    process.env.FILES_QUOTA_BYTES = "1000";
    process.env.UPLOAD_MAX_OPEN_PER_USER = "2";
    try {
      const first = await create(owner, rootId, "a.bin", 600);
      expect(first.status).toBe(201);
      // Nothing of "a.bin" has arrived yet, but its 600 bytes are on their way.
      const second = await create(editor, rootId, "b.bin", 600);
      expect(second.status).toBe(413);
      expect(await second.json()).toMatchObject({
        error: expect.stringMatching(/^Not enough space: this file needs 600 B, but the workspace has 400 B left/),
      });
      expect((await create(editor, rootId, "c.bin", 400)).status).toBe(201);

      expect((await create(owner, rootId, "d.bin", 0)).status).toBe(201); // finished at once: not open
      expect((await create(owner, rootId, "e.bin", 0)).status).toBe(201);
      process.env.FILES_QUOTA_BYTES = "100000";
      const open2 = await create(owner, rootId, "f.bin", 10);
      expect(open2.status).toBe(201);
      const third = await create(owner, rootId, "g.bin", 10);
      expect(third.status).toBe(429);
      expect(await third.json()).toMatchObject({ error: expect.stringContaining("You have 2 uploads in progress") });
      // Cancelling one makes room again.
      expect((await handleTusRequest(owner, tusDelete(locationOf(open2)), server)).status).toBe(204);
      expect((await create(owner, rootId, "g.bin", 10)).status).toBe(201);
    } finally {
      delete process.env.FILES_QUOTA_BYTES;
      delete process.env.UPLOAD_MAX_OPEN_PER_USER;
    }
  });

  it("uploads started at the same moment cannot together take more than the quota", async () => {
    const { owner, editor, admin, rootId } = await createCast();
    process.env.FILES_QUOTA_BYTES = "1000";
    try {
      const started = await Promise.all(
        [owner, editor, admin, owner, editor].map((actor, i) => create(actor, rootId, `part-${i}.bin`, 300)),
      );
      expect(started.map((r) => r.status).sort()).toEqual([201, 201, 201, 413, 413]);
    } finally {
      delete process.env.FILES_QUOTA_BYTES;
    }
  });

  it("a zero-byte file uploads: 201 with its location, one file, and asking again says complete without a copy", async () => {
    const { owner, rootId } = await createCast();
    const created = await create(owner, rootId, "empty.txt", 0);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBeTruthy();
    expect(await names(owner, rootId)).toEqual(["empty.txt"]);
    const again = await head(owner, locationOf(created));
    expect(again.status).toBe(200);
    expect([again.headers.get("upload-offset"), again.headers.get("upload-length")]).toEqual(["0", "0"]);
    expect(await names(owner, rootId)).toEqual(["empty.txt"]);
    expect(fs.readdirSync(uploadDir())).not.toContain(idOf(locationOf(created)));
  });

  it("HEAD does not report an upload complete before its file is committed: it finishes an upload whose finishing step died", async () => {
    const { owner, rootId } = await createCast();
    const created = await create(owner, rootId, "report.txt", 11);
    const location = locationOf(created);
    const id = idOf(location);
    expect((await patch(owner, location, 0, "hello ")).status).toBe(204);
    // The last bytes arrived, then the process died before finishing (no file yet).
    fs.appendFileSync(path.join(uploadDir(), id), "world");
    const resumed = await head(owner, location);
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get("upload-offset")).toBe("11");
    expect(await names(owner, rootId)).toEqual(["report.txt"]); // committed before HEAD said complete
    expect(fs.readdirSync(uploadDir()).filter((n) => n.startsWith(id))).toEqual([]);
    // Asked again (a client retrying), still one file.
    expect((await patch(owner, location, 11, "")).status).toBe(200);
    expect(await names(owner, rootId)).toEqual(["report.txt"]);
  });

  it("a PATCH resent at its old offset after its answer was lost ends with the file, once, whether or not finishing ran", async () => {
    const { owner, rootId } = await createCast();
    const location = locationOf(await create(owner, rootId, "resent.txt", 11));
    const id = idOf(location);
    expect((await patch(owner, location, 0, "hello ")).status).toBe(204);
    // The last PATCH's bytes arrived, then the process died before finishing: tus alone would answer 409.
    fs.appendFileSync(path.join(uploadDir(), id), "world");
    const resent = await patch(owner, location, 6, "world");
    expect(resent.status).toBe(200);
    expect(resent.headers.get("upload-offset")).toBe("11");
    expect(await names(owner, rootId)).toEqual(["resent.txt"]);
    // Resent once more, now that it is finished and its staged copy gone (tus alone: 404).
    const again = await patch(owner, location, 6, "world");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await resent.json());
    expect(await names(owner, rootId)).toEqual(["resent.txt"]);
  });

  it("a finishing step that died after moving the bytes out of staging is finished by the next request, from the stored bytes", async () => {
    const { owner, rootId, workspace } = await createCast();
    const location = locationOf(await create(owner, rootId, "moved.txt", 5));
    const id = idOf(location);
    fs.writeFileSync(path.join(uploadDir(), id), "bytes");
    const blob = path.join(storage.blobDir(), "files", workspace.id, id); // the key finishing derives from the upload
    fs.mkdirSync(path.dirname(blob), { recursive: true });
    fs.renameSync(path.join(uploadDir(), id), blob);
    const resumed = await head(owner, location);
    expect(resumed.status).toBe(200);
    const file = await getDb().fileEntry.findFirstOrThrow({ where: { parentId: rootId, name: "moved.txt" } });
    expect([Number(file.size), file.blobKey]).toEqual([5, `files/${workspace.id}/${id}`]);
  });

  it("a disk that fills up while bytes arrive: 507 with a plain message, the partial upload removed, cancel still works, other reads work", async () => {
    const { owner, rootId } = await createCast();
    const location = locationOf(await create(owner, rootId, "huge.bin", 100));
    const id = idOf(location);
    fs.rmSync(path.join(uploadDir(), id));
    fs.symlinkSync("/dev/full", path.join(uploadDir(), id)); // every write: ENOSPC
    const full = await patch(owner, location, 0, "x".repeat(100));
    expect(full.status).toBe(507);
    const body = await full.text();
    expect(JSON.parse(body)).toEqual({
      error: expect.stringMatching(/^The server is out of storage space/),
      code: "insufficient_storage",
    });
    expect(body).not.toMatch(/ENOSPC|\/dev|uploads\//);
    expect(filesBelow(uploadDir()).filter((n) => n.startsWith(id))).toEqual([]);
    expect(await getDb().upload.count({ where: { id } })).toBe(0); // no longer counts against the quota
    expect((await handleTusRequest(owner, tusDelete(location), server)).status).toBe(204);
    expect(await names(owner, rootId)).toEqual([]);
  });
});
