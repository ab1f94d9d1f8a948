import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { deleteDataset } from "../delete-dataset";
import { commitIngest } from "../ingest/commit-ingest";
import { queryDataset } from "../query";
import { createCast, createDataset, prepare, setupCatalogStorage } from "../test-support";
import { profileVersionFile } from "../profile/profile-version";
import { acquireDatasetDb, closeDatasetDbs, datasetPoolStats, tryAcquireDatasetDb } from "./dataset-db";
import { withQueryTimeout } from "./timeout";

setupTestDatabase();
const storage = setupCatalogStorage();

async function writeParquet(file: string, rows: number, label: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`COPY (SELECT range AS id, '${label}' AS label FROM range(${rows})) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
}

/** Replaces a file the way blobs are written: a new file renamed over the old path. */
async function replaceParquet(file: string, rows: number, label: string) {
  const temp = `${file}.new`;
  await writeParquet(temp, rows, label);
  fs.renameSync(temp, file);
}

const settled = (p: Promise<unknown>) =>
  Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);

afterEach(async () => {
  delete process.env.CATALOG_DATASET_CONNECTIONS;
  delete process.env.CATALOG_QUERY_TIMEOUT_MS;
  await closeDatasetDbs();
});

describe("DuckDB connection pool per dataset file", () => {
  it("reuses a released connection for the next query on the same file", async () => {
    const file = path.join(storage.dir(), "reuse.parquet");
    await writeParquet(file, 10, "a");
    const first = await acquireDatasetDb(file, true, null);
    first.release();
    const second = await acquireDatasetDb(file, true, null);
    expect(second.connection).toBe(first.connection);
    expect((await second.connection.runAndReadAll("SELECT count(*) FROM data")).getRowsJson()).toEqual([["10"]]);
    second.release();
    expect(datasetPoolStats(file)).toMatchObject({ files: 1, connections: 1, idle: 1 });
  });

  it("makes requests beyond CATALOG_DATASET_CONNECTIONS wait for a released connection instead of failing", async () => {
    process.env.CATALOG_DATASET_CONNECTIONS = "2";
    const file = path.join(storage.dir(), "bound.parquet");
    await writeParquet(file, 1000, "b");
    const a = await acquireDatasetDb(file, true, null);
    const b = await acquireDatasetDb(file, true, null);
    const third = acquireDatasetDb(file, true, null);
    expect(await settled(third)).toBe(false);
    expect(datasetPoolStats(file)).toMatchObject({ connections: 2, waiting: 1 });
    a.release();
    const c = await third;
    expect(c.connection).toBe(a.connection);
    expect((await c.connection.runAndReadAll("SELECT count(*) FROM data")).getRowsJson()).toEqual([["1000"]]);
    b.release();
    c.release();

    // Many concurrent queries through the pool all answer, on at most two connections.
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const { connection, release } = await acquireDatasetDb(file, true, null);
        try {
          expect(datasetPoolStats(file).connections).toBeLessThanOrEqual(2);
          return (await connection.runAndReadAll(`SELECT count(*) FROM data WHERE id >= ${i}`)).getRowsJson()[0]![0];
        } finally {
          release();
        }
      }),
    );
    expect(answers).toEqual(Array.from({ length: 12 }, (_, i) => String(1000 - i)));
  });

  it("gives a second connection only when one is free now, never waiting for it", async () => {
    process.env.CATALOG_DATASET_CONNECTIONS = "2";
    const file = path.join(storage.dir(), "second.parquet");
    await writeParquet(file, 100, "s");
    const a = await acquireDatasetDb(file, true, null);
    const b = await tryAcquireDatasetDb(file, true, null);
    expect(b).not.toBeNull();
    expect(b!.connection).not.toBe(a.connection);
    // At the bound: no third connection, and no waiter left behind in the pool.
    expect(await tryAcquireDatasetDb(file, true, null)).toBeNull();
    expect(datasetPoolStats(file)).toMatchObject({ connections: 2, waiting: 0 });
    b!.release();
    expect((await tryAcquireDatasetDb(file, true, null))!.connection).toBe(b!.connection);
    a.release();
  });

  it("profiles a version with a pool of one connection (the value counts wait for no second one)", async () => {
    process.env.CATALOG_DATASET_CONNECTIONS = "1";
    fs.mkdirSync(storage.blobDir(), { recursive: true });
    const file = path.join(storage.blobDir(), "one.parquet");
    await writeParquet(file, 5000, "x");
    const profile = await profileVersionFile(
      "one.parquet",
      [
        { name: "id", type: "BIGINT" },
        { name: "label", type: "VARCHAR" },
      ],
      null,
    );
    expect(profile.columns[1]).toMatchObject({ distinct: 1, topValues: [{ value: "x", count: 5000 }] });
    expect(datasetPoolStats(file)).toMatchObject({ connections: 1, idle: 1, waiting: 0 });
  });

  it("closes the pool of a file replaced at the same path and reads the new file, even with a query in flight", async () => {
    const file = path.join(storage.dir(), "replaced.parquet");
    await writeParquet(file, 5, "old");
    const busy = await acquireDatasetDb(file, true, null);
    const idle = await acquireDatasetDb(file, true, null);
    idle.release();
    await replaceParquet(file, 7, "new");

    const fresh = await acquireDatasetDb(file, true, null);
    expect(fresh.connection).not.toBe(busy.connection);
    expect(fresh.connection).not.toBe(idle.connection);
    expect((await fresh.connection.runAndReadAll("SELECT count(*), min(label) FROM data")).getRowsJson()).toEqual([
      ["7", "new"],
    ]);
    // The old pool's idle connection was closed at once; the busy one is closed when released, not reused.
    await expect(idle.connection.run("SELECT 1")).rejects.toThrow();
    busy.release();
    await expect(busy.connection.run("SELECT 1")).rejects.toThrow();
    fresh.release();
    expect(datasetPoolStats(file)).toMatchObject({ files: 1, connections: 1 });
  });

  it("a connection that a timeout interrupted is closed, not handed to the next request", async () => {
    process.env.CATALOG_QUERY_TIMEOUT_MS = "300";
    const file = path.join(storage.dir(), "slow.parquet");
    await writeParquet(file, 10, "s");
    const held = await acquireDatasetDb(file, true, null);
    await expect(
      withQueryTimeout(held.connection, () => held.connection.run("SELECT count(*) FROM range(10000000000) a")),
    ).rejects.toThrow(/took longer/);
    held.release();
    delete process.env.CATALOG_QUERY_TIMEOUT_MS;
    const next = await acquireDatasetDb(file, true, null);
    expect(next.connection).not.toBe(held.connection);
    expect((await next.connection.runAndReadAll("SELECT count(*) FROM data")).getRowsJson()).toEqual([["10"]]);
    next.release();
  });

  it("reads a dataset's new version after a replace, and closes a deleted dataset's DuckDB", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "pool.csv", "id,name\n1,Ada\n2,Bob\n");
    expect((await queryDataset(owner, datasetId, {})).rows).toEqual([
      ["1", "Ada"],
      ["2", "Bob"],
    ]);
    expect(datasetPoolStats().files).toBe(1);

    const replace = await prepare(owner, workspace.id, "pool2.csv", "id,name\n3,Cy\n", { mode: "replace", datasetId });
    await commitIngest(owner, replace.id);
    const replaced = await queryDataset(owner, datasetId, {});
    expect(replaced).toMatchObject({ version: 2, rows: [["3", "Cy"]], total: 1 });

    await deleteDataset(owner, datasetId, "pool");
    // Both versions' files were closed before their blobs were deleted: nothing of this dataset stays open.
    expect(datasetPoolStats().files).toBe(0);
    expect(datasetPoolStats().connections).toBe(0);
  });
});
