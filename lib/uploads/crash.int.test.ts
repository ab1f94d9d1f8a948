// Crash tests with a real server process (lib/uploads/crash-test-server.ts): it is killed with
// SIGKILL while finishing an upload (a test-only delay holds it there), started again, and the
// client resumes. Ports 3150..3159 (this branch's range).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import * as tus from "tus-js-client";
import { afterEach, describe, expect, it } from "vitest";
import { initiateMultipart, uploadPart } from "@/lib/api/multipart";
import { createCast as createCatalogCast, createDataset } from "@/lib/catalog/test-support";
import { getDb } from "@/lib/db";
import { createCast, filesBelow, setupTempStorage } from "@/lib/files/test-support";
import { setupTestDatabase } from "@/test/db";

const database = setupTestDatabase();
const storage = setupTempStorage();
const running = new Set<ChildProcess>();

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});

/** A port nothing listens on now (fixed ports collided when two checkouts ran the suite at once). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the upload server process as `userId` and waits until it listens. */
async function startServer(port: number, userId: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "lib/uploads/crash-test-server.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        TEST_USER_ID: userId,
        DATABASE_URL: database.url(),
        DATA_DIR: storage.dir(),
        UPLOAD_LOCK_LEASE_MS: "2000",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.add(child);
  let output = "";
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes(`listening ${port}`)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`upload server exited (${code}): ${output}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  running.delete(child);
}

describe("a server killed while finishing an upload", () => {
  it(
    "tus: after a restart the resumed upload ends with the file in its folder, once, and staging empty",
    { timeout: 180_000 },
    async () => {
      const { owner, rootId, workspace } = await createCast();
      const port = await freePort();
      const first = await startServer(port, owner.id, { UPLOAD_TEST_COMMIT_DELAY_MS: "120000" });
      const content = Buffer.from("x".repeat(300_000));
      let succeeded = false;
      let failed: Error | undefined;
      const upload = new tus.Upload(content, {
        endpoint: `http://127.0.0.1:${port}/api/uploads`,
        metadata: { kind: "file", folderId: rootId, name: "survivor.bin" },
        chunkSize: 100_000,
        retryDelays: [500, 1000, 2000, 3000, 5000, 5000, 5000, 5000, 5000, 5000],
        onSuccess: () => void (succeeded = true),
        onError: (error) => void (failed = error),
      });
      upload.start();

      // All bytes arrived and finishing moved them into the blob store; the row is not committed yet.
      await expect
        .poll(async () => (await getDb().lease.count({ where: { name: { startsWith: "tus-finish:" } } })) > 0, {
          timeout: 60_000,
          interval: 100,
        })
        .toBe(true);
      await expect
        .poll(() => filesBelow(path.join(storage.blobDir(), "files", workspace.id)).length, {
          timeout: 30_000,
          interval: 100,
        })
        .toBe(1);
      await kill(first);
      expect(await getDb().fileEntry.count({ where: { parentId: rootId, kind: "file" } })).toBe(0);

      await startServer(port, owner.id);
      await expect.poll(() => succeeded || failed, { timeout: 90_000, interval: 200 }).toBe(true);
      expect(failed).toBeUndefined();
      const files = await getDb().fileEntry.findMany({ where: { parentId: rootId, kind: "file" } });
      expect(files.map((f) => [f.name, Number(f.size)])).toEqual([["survivor.bin", 300_000]]);
      expect(filesBelow(path.join(storage.dir(), "uploads"))).toEqual([]);
      // The bytes the killed process had moved were used, not sent again and left behind.
      expect(filesBelow(storage.blobDir())).toEqual([files[0]!.blobKey]);
      expect(await getDb().lease.count({ where: { name: { startsWith: "tus" } } })).toBe(0);
    },
  );

  it(
    "REST multipart: a complete retried after the restart finishes the job (the rows once), no *.completing folder left",
    { timeout: 180_000 },
    async () => {
      const { owner, workspace } = await createCatalogCast();
      const { datasetId } = await createDataset(owner, workspace.id, "sales.csv", "region,amount\nnorth,1\n");
      const slug = (await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } })).slug;
      const args = [workspace.owner, workspace.slug, slug] as const;
      const { uploadId, completeUrl } = await initiateMultipart(owner, ...args, { format: "csv", mode: "append" });
      await uploadPart(owner, ...args, uploadId, 1, new Blob(["region,amount\nsouth,2\n"]).stream());
      await uploadPart(owner, ...args, uploadId, 2, new Blob(["east,3\n"]).stream());
      const port = await freePort();
      const multipartDir = path.join(storage.dir(), "uploads", "multipart");
      const first = await startServer(port, owner.id, { MULTIPART_TEST_COMPLETE_DELAY_MS: "120000" });
      const interrupted = fetch(`http://127.0.0.1:${port}${completeUrl}`, { method: "POST" }).catch(
        (error: unknown) => error,
      );
      await expect
        .poll(() => fs.readdirSync(multipartDir).some((n) => n.includes(".completing")), {
          timeout: 60_000,
          interval: 100,
        })
        .toBe(true);
      await kill(first);
      expect(await interrupted).toBeInstanceOf(Error); // the client saw the connection drop

      await startServer(port, owner.id);
      // As the 409 says: while the dead process's lease runs out (seconds), ask again.
      let retried = await fetch(`http://127.0.0.1:${port}${completeUrl}`, { method: "POST" });
      for (let i = 0; i < 20 && retried.status === 409; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        retried = await fetch(`http://127.0.0.1:${port}${completeUrl}`, { method: "POST" });
      }
      expect(retried.status).toBe(200);
      expect(await retried.json()).toMatchObject({ uploadId, version: 2, rowsAdded: 2, rowCount: 3 });
      expect(await getDb().datasetVersion.count({ where: { datasetId } })).toBe(2);
      expect(fs.readdirSync(multipartDir).filter((n) => n.includes(".completing"))).toEqual([]);
    },
  );
});
