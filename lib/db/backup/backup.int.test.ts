// `npm run cli -- backup` while the instance keeps writing, then `restore` into a fresh data directory:
// the restored instance serves the same datasets and files through the product's services.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatasetDbs } from "@/lib/catalog/duckdb/dataset-db";
import { queryDataset } from "@/lib/catalog/query";
import { createDataset } from "@/lib/catalog/test-support";
import { createDb, getDb, setDb } from "@/lib/db";
import { createScratchDatabase } from "@/lib/db/migrations/adapters";
import { openFileDownload } from "@/lib/files/open-download";
import { createCast, putFile, setupTempStorage } from "@/lib/files/test-support";
import { createBlobStore, getBlobStore, setBlobStore } from "@/lib/storage";
import { setupTestDatabase } from "@/test/db";
import { backup } from "./backup";
import { restore } from "./restore";

const postgres = process.env.TEST_DB === "postgresql";
setupTestDatabase();
setupTempStorage();

let work: string;
let dropScratch: (() => Promise<void>) | undefined;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-backup-"));
  delete process.env.STORAGE_URL;
  fs.writeFileSync(path.join(process.env.DATA_DIR!, ".auth-secret"), "secret-of-this-instance");
});
afterAll(async () => {
  await closeDatasetDbs();
  await dropScratch?.();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A fresh, empty database for the restored instance. */
async function freshDatabaseUrl(dir: string): Promise<string> {
  if (!postgres) return `file:${path.join(dir, "datashelf.db")}`;
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, "datashelf_test_restore");
  dropScratch = scratch.drop;
  return scratch.url;
}

const download = async (actor: Parameters<typeof openFileDownload>[0], id: string) =>
  text(await getBlobStore().get((await openFileDownload(actor, id)).file.blobKey));

describe("backup and restore", () => {
  it("restores into a fresh data directory the same datasets and files, backed up while writes went on", async () => {
    const { owner, viewer, workspace, rootId } = await createCast();
    const notes = await putFile(owner, rootId, "notes.txt", "hello from before the backup");
    const notesId = (notes as { id: string }).id;
    const cities = await createDataset(owner, workspace.id, "cities.csv", "id,city\n1,Oslo\n2,Lima\n3,Pune\n");
    const query = { sort: [{ column: "id", direction: "asc" }] };
    const rowsBefore = (await queryDataset(viewer, cities.datasetId, query)).rows;

    // Writes go on while the backup runs: files keep arriving through the service.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await putFile(owner, rootId, `during-${written}.txt`, `written during the backup #${written}`);
        written += 1;
      }
    })();
    while (written < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const out = path.join(work, "backup");
    const manifest = await backup(out);
    writing = false;
    await writer;
    expect(manifest).toMatchObject({ provider: postgres ? "postgresql" : "sqlite", authSecret: true });

    // A fresh instance: its own data directory and database, nothing in them.
    const fresh = fs.mkdtempSync(path.join(work, "fresh-"));
    const freshUrl = await freshDatabaseUrl(fresh);
    await restore(out, { databaseUrl: freshUrl, dataDir: fresh });

    const original = getDb();
    const restored = createDb(freshUrl);
    await closeDatasetDbs();
    setDb(restored);
    setBlobStore(createBlobStore(`file:${path.join(fresh, "blobs")}`));
    try {
      expect(await download(viewer, notesId)).toBe("hello from before the backup");
      expect((await queryDataset(viewer, cities.datasetId, query)).rows).toEqual(rowsBefore);
      // Every file the snapshot knows has its content: none was caught half-way.
      const during = await restored.fileEntry.findMany({
        where: { workspaceId: workspace.id, name: { startsWith: "during-" } },
      });
      expect(during.length).toBeGreaterThanOrEqual(3);
      for (const entry of during) {
        const n = entry.name.replace(/^during-(\d+)\.txt$/, "$1");
        expect(await download(viewer, entry.id)).toBe(`written during the backup #${n}`);
      }
      expect(fs.readFileSync(path.join(fresh, ".auth-secret"), "utf8")).toBe("secret-of-this-instance");

      // The target now has data: a second restore must be asked for explicitly.
      await expect(restore(out, { databaseUrl: freshUrl, dataDir: fresh })).rejects.toThrow(
        /already has a database or blobs.*--force/,
      );
      await restored.$disconnect();
      await restore(out, { databaseUrl: freshUrl, dataDir: fresh, force: true });
    } finally {
      await restored.$disconnect();
      await closeDatasetDbs();
      setDb(original);
    }
  }, 120_000);

  it("refuses a folder that already has something in it", async () => {
    const out = path.join(work, "used");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "keep.txt"), "mine");
    await expect(backup(out)).rejects.toThrow(/is not empty/);
    expect(fs.readdirSync(out)).toEqual(["keep.txt"]);
  });

  it("says what to do when blobs are in object storage", async () => {
    await expect(backup(path.join(work, "s3"), { storageUrl: "s3://bucket/prefix" })).rejects.toThrow(
      /object storage.*bucket/,
    );
  });
});
