import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createCast, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";
import { cleanUpAbandonedUploads, createTusServer, handleTusRequest } from "./tus-server";

setupTestDatabase();
const storage = setupTempStorage();
const uploadDir = () => path.join(storage.dir(), "shared-uploads");

beforeAll(() => {
  process.env.UPLOAD_DIR = uploadDir();
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
});

const b64 = (v: string) => Buffer.from(v).toString("base64");
const tus = { "Tus-Resumable": "1.0.0" };

describe("tus staging in UPLOAD_DIR", () => {
  it("stages in UPLOAD_DIR, and the sweep deletes abandoned uploads and the lock rows of crashed requests", async () => {
    const { owner, rootId } = await createCast();
    const server = createTusServer();
    const created = await handleTusRequest(
      owner,
      new Request("http://app.local/api/uploads", {
        method: "POST",
        headers: {
          ...tus,
          "Upload-Length": "10",
          "Upload-Metadata": `kind ${b64("file")},folderId ${b64(rootId)},name ${b64("a.txt")}`,
        },
      }),
      server,
    );
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get("location")!, "http://app.local/api/uploads/").toString();
    const patched = await handleTusRequest(
      owner,
      new Request(location, {
        method: "PATCH",
        headers: { ...tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
        body: "abc",
      }),
      server,
    );
    expect(patched.status).toBe(204);
    const id = location.split("/").pop()!;
    expect(fs.readdirSync(uploadDir()).sort()).toEqual([id, `${id}.json`]);

    // Nothing is abandoned yet.
    expect(await cleanUpAbandonedUploads(server)).toBe(0);
    const infoFile = path.join(uploadDir(), `${id}.json`);
    const info = JSON.parse(fs.readFileSync(infoFile, "utf8")) as { creation_date: string };
    fs.writeFileSync(
      infoFile,
      JSON.stringify({ ...info, creation_date: new Date(Date.now() - 25 * 3_600_000).toISOString() }),
    );
    await getDb().lease.create({
      data: { name: "tus:crashed", holder: "gone", expiresAt: new Date(Date.now() - 1000) },
    });
    await getDb().lease.create({
      data: { name: "outbox-sender", holder: "someone", expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await cleanUpAbandonedUploads(server)).toBe(1);
    expect(fs.readdirSync(uploadDir())).toEqual([]);
    expect((await getDb().lease.findMany({ select: { name: true } })).map((l) => l.name)).toEqual(["outbox-sender"]); // only upload locks are swept
  });
});
