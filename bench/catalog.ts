// Data catalog at scale, on a private SQLite database and data folder:
// - ingest of a 1,000,000-row, 10-column CSV (upload → Parquet → confirmed dataset): time, rows/s, peak RSS;
// - a grid page (50 rows) sorted by a non-indexed column and filtered on another: median latency;
// - the first catalog page of a workspace with 10,000 datasets: median latency.
// Sizes: BENCH_CATALOG_ROWS, BENCH_CATALOG_DATASETS. Run alone with
// `npx tsx --import ./scripts/server-only-hook.mjs bench/catalog.ts`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Actor } from "@/lib/access";
import { closeDatasetDbs } from "@/lib/catalog/duckdb/dataset-db";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { listDatasets } from "@/lib/catalog/list-datasets";
import { queryDataset } from "@/lib/catalog/query";
import { datasetQuerySchema } from "@/lib/catalog/query-schema";
import { runQuery } from "@/lib/catalog/run-query";
import { parseColumns } from "@/lib/catalog/types";
import { searchTextOf } from "@/lib/catalog/search-text";
import { createDb, setDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { createBlobStore, getBlobStore, setBlobStore } from "@/lib/storage";
import { createUser } from "@/lib/users/create-user";
import { measure, ms } from "./stats";

const ROWS = Number(process.env.BENCH_CATALOG_ROWS || 1_000_000);
const DATASETS = Number(process.env.BENCH_CATALOG_DATASETS || 10_000);
const SITES = ["north", "south", "east", "west", "harbour", "airport", "depot", "plant"];
const MiB = 1024 * 1024;

/** Writes the benchmark CSV (10 columns of mixed types) in large blocks. */
export function writeCsv(file: string, rows: number): number {
  const fd = fs.openSync(file, "w");
  let x = 12345;
  const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  fs.writeSync(fd, "id,recorded_at,site,sensor,temperature,humidity,pressure,status,battery,note\n");
  let block: string[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + i * 15_000).toISOString().slice(0, 19).replace("T", " ");
    block.push(
      `${i},${at},${SITES[i % 8]},s-${i % 500},${(rand() * 40 - 10).toFixed(2)},${Math.floor(rand() * 100)},${(980 + rand() * 60).toFixed(1)},${rand() < 0.97 ? "ok" : "alarm"},${(3 + rand() * 0.7).toFixed(3)},${rand() < 0.1 ? "check" : ""}`,
    );
    if (block.length === 50_000) {
      fs.writeSync(fd, `${block.join("\n")}\n`);
      block = [];
    }
  }
  if (block.length) fs.writeSync(fd, `${block.join("\n")}\n`);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

/** Highest resident set size seen while `fn` runs (sampled every 10 ms). */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const result = await fn();
    return { result, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

/** 10,000 catalog entries (metadata only: listing never opens the data), with tags, in batches. */
async function seedCatalog(db: Db, workspaceId: string, ownerId: string, count: number) {
  const words = ["sales", "sensor", "vessel", "orders", "weather", "traffic", "energy", "customers", "survey", "stock"];
  for (let start = 0; start < count; start += 2000) {
    const rows = [];
    const tags = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      const name = `${words[i % 10]} dataset ${i}`;
      const tagList = [words[i % 10]!, `batch-${i % 7}`];
      const columns = [
        { name: "id", type: "BIGINT" },
        { name: `${words[(i + 3) % 10]}_value`, type: "DOUBLE" },
      ];
      rows.push({
        id: `bench${i}`,
        workspaceId,
        slug: `dataset-${i}`,
        name,
        sortName: name,
        description: `Benchmark dataset number ${i} about ${words[i % 10]}.`,
        tags: tagList,
        searchText: searchTextOf({ name, slug: `dataset-${i}`, description: "", tags: tagList, columns }),
        version: 1,
        columns,
        rowCount: BigInt(i * 10),
        sizeBytes: BigInt(i * 1000),
        createdById: ownerId,
        updatedById: ownerId,
        updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      });
      for (const tag of tagList) tags.push({ datasetId: `bench${i}`, workspaceId, tag });
    }
    await db.dataset.createMany({ data: rows });
    await db.datasetTag.createMany({ data: tags });
  }
}

export async function runCatalogBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-catalog-"));
  const previous = { DATA_DIR: process.env.DATA_DIR, CATALOG_MAX_UPLOAD_BYTES: process.env.CATALOG_MAX_UPLOAD_BYTES };
  process.env.DATA_DIR = dir;
  process.env.CATALOG_MAX_UPLOAD_BYTES = String(100 * 1024 * MiB);
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  setDb(db);
  setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
  try {
    const owner: Actor = await createUser({ email: "bench@example.com", username: "bench" });
    const workspace = await db.workspace.create({ data: { ownerId: owner.id, slug: "bench", name: "Bench" } });

    const csv = path.join(dir, "readings.csv");
    const bytes = writeCsv(csv, ROWS);
    console.log(`CSV: ${ROWS.toLocaleString("en-US")} rows × 10 columns, ${(bytes / MiB).toFixed(0)} MiB`);

    const rssBefore = process.memoryUsage.rss();
    const started = performance.now();
    const { result: datasetId, peak } = await peakRss(async () => {
      const ingest = await prepareIngest(owner, {
        workspaceId: workspace.id,
        mode: "create",
        sourcePath: csv,
        sourceName: "readings.csv",
        format: "csv",
      });
      const committed = await commitIngest(owner, ingest.id, { name: "Readings", slug: "readings" });
      return committed.datasetId;
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `ingest: ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds).toLocaleString("en-US")} rows/s), peak RSS ${(peak / MiB).toFixed(0)} MiB (${(rssBefore / MiB).toFixed(0)} MiB before)`,
    );

    const grid = await measure(30, (i) =>
      queryDataset(owner, datasetId, {
        limit: 50,
        offset: (i % 5) * 50,
        sort: [{ column: "temperature", direction: "desc" }],
        filters: [{ column: "site", op: "eq", value: SITES[i % SITES.length]! }],
      }),
    );
    console.log(
      `grid page (50 rows, sorted by temperature, filtered on site): median ${ms(grid.median)}, p99 ${ms(grid.p99)}`,
    );
    // The same page without the access check and database lookups: what DuckDB itself takes.
    const version = await db.datasetVersion.findFirstOrThrow({ where: { datasetId } });
    const source = {
      parquetPath: await getBlobStore().localPath(version.blobKey),
      columns: parseColumns(version.columns),
      rowCount: ROWS,
    };
    const duck = await measure(30, (i) =>
      runQuery(
        source,
        datasetQuerySchema.parse({
          limit: 50,
          offset: (i % 5) * 50,
          sort: [{ column: "temperature", direction: "desc" }],
          filters: [{ column: "site", op: "eq", value: SITES[i % SITES.length]! }],
        }),
      ),
    );
    console.log(`  of which DuckDB: median ${ms(duck.median)}`);
    const gridRange = await measure(30, (i) =>
      queryDataset(owner, datasetId, {
        limit: 50,
        sort: [{ column: "pressure", direction: "asc" }],
        filters: [{ column: "humidity", op: "range", min: 10 + (i % 5), max: 20 }],
      }),
    );
    console.log(
      `grid page (50 rows, sorted by pressure, range filter on humidity): median ${ms(gridRange.median)}, p99 ${ms(gridRange.p99)}`,
    );

    await seedCatalog(db, workspace.id, owner.id, DATASETS);
    const ws = { id: workspace.id, ownerId: owner.id, slug: workspace.slug, owner: "bench" };
    const first = await measure(30, () => listDatasets(owner, ws, {}));
    console.log(
      `catalog first page (${(DATASETS + 1).toLocaleString("en-US")} datasets, 24 per page): median ${ms(first.median)}, p99 ${ms(first.p99)}`,
    );
    const search = await measure(30, (i) =>
      listDatasets(owner, ws, { q: ["vessel", "sensor 12", "weather"][i % 3], sort: "name" }),
    );
    console.log(`catalog search + sort by name: median ${ms(search.median)}, p99 ${ms(search.p99)}`);
  } finally {
    await closeDatasetDbs();
    await db.$disconnect();
    setDb(undefined);
    setBlobStore(undefined);
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runCatalogBench();
}
