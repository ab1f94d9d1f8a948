// Sharing at scale: 100,000 datasets, 50,000 folders and 1,000,000 grants, on SQLite and (when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server) PostgreSQL, side by side.
// Measures the access check for one resource, "Shared with me" for a user with 1,000 grants, and
// a catalog page (50 datasets) for a grantee who sees only what was shared with them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Actor, type Resource, getEffectiveRole } from "@/lib/access";
import { readableDatasetsWhere } from "@/lib/access/datasets";
import { createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { listSharedWithMe, pageSharedWithMe } from "@/lib/sharing/shared-lists";
import { openBulkWriter, type Row } from "./bulk-insert";
import { measure, ms } from "./stats";

const DATASETS = Number(process.env.BENCH_DATASETS || 100_000);
const FOLDERS = Number(process.env.BENCH_FOLDERS || 50_000);
const GRANTS = Number(process.env.BENCH_GRANTS || 1_000_000);
const USERS = 2_000;
const TARGET_GRANTS = 1_000;
const BATCH = 5_000;

async function database(kind: "sqlite" | "postgresql"): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-"));
    return {
      url: `file:${path.join(dir, "bench.db")}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL!;
  const name = `ds_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Rows `make(0..total-1)`, written in batches so memory stays flat. */
async function chunks(total: number, make: (i: number) => Row, insert: (rows: Row[]) => Promise<unknown>) {
  for (let start = 0; start < total; start += BATCH) {
    const rows: Row[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) rows.push(make(i));
    await insert(rows);
  }
}

/**
 * One workspace (owner u0) with the datasets, 500 top folders with 99 subfolders each, and the
 * grants: the target user u1 holds exactly 1,000 (half on datasets, half on subfolders), the others spread over
 * the other users; a third are editor grants, one dataset in a hundred is public.
 */
export async function seed(url: string) {
  const t0 = performance.now();
  const writer = await openBulkWriter(url);
  try {
    const epoch = Date.UTC(2026, 0, 1);
    const at = (i: number) => new Date(epoch + i * 1000);
    await chunks(
      USERS,
      (i) => ({ id: `u${i}`, email: `u${i}@bench.test`, username: `u${i}`, createdAt: at(0), updatedAt: at(0) }),
      (rows) => writer.insert("User", rows),
    );
    await writer.insert("Workspace", [
      { id: "w-owner", ownerId: "u0", slug: "big", name: "Big", description: "", createdAt: at(0), updatedAt: at(0) },
    ]);
    await chunks(
      DATASETS,
      (i) => ({
        id: `d${i}`,
        workspaceId: "w-owner",
        slug: `ds-${i}`,
        name: `Dataset ${i}`,
        sortName: `dataset ${i}`,
        description: "",
        tags: "[]",
        visibility: i % 100 === 0 ? "public" : "private",
        searchText: `dataset ${i}`,
        version: 1,
        columns: "[]",
        rowCount: BigInt(i),
        sizeBytes: BigInt(i * 10),
        createdAt: at(i),
        updatedAt: at(i),
      }),
      (rows) => writer.insert("Dataset", rows),
    );
    const folder = (id: string, parentId: string | null, slot: string, name: string, ancestry: string): Row => ({
      id,
      workspaceId: "w-owner",
      kind: "folder",
      parentId,
      slot,
      name,
      nameLower: name.toLowerCase(),
      ancestry,
      createdAt: at(0),
      modifiedAt: at(0),
    });
    await writer.insert("FileEntry", [folder("root", null, "root", "", "/")]);
    await chunks(
      FOLDERS,
      (i) => {
        const top = i % 500;
        return i < 500
          ? folder(`f${i}`, "root", "root-children", `top ${i}`, "/root/")
          : folder(`f${i}`, `f${top}`, `f${top}`, `sub ${i}`, `/root/f${top}/`);
      },
      (rows) => writer.insert("FileEntry", rows),
    );
    const resources = DATASETS + FOLDERS;
    await chunks(
      GRANTS,
      (i) => {
        const r = i % resources;
        const user = i < TARGET_GRANTS ? 1 : 2 + ((Math.floor(i / resources) * 7 + (r % 1_000)) % (USERS - 2));
        // The target's grants: every other one on a subfolder, so its list shows folder paths too.
        const [resourceType, resourceId] =
          i < TARGET_GRANTS
            ? i % 2
              ? ["folder", `f${500 + i}`]
              : ["dataset", `d${i}`]
            : r < DATASETS
              ? ["dataset", `d${r}`]
              : ["folder", `f${r - DATASETS}`];
        return {
          id: `g${i}`,
          workspaceId: "w-owner",
          resourceType,
          resourceId,
          granteeType: "user",
          granteeUserId: `u${user}`,
          granteeKey: `user:u${user}`,
          role: i % 3 === 0 ? "editor" : "viewer",
          createdById: "u0",
          createdAt: at(i),
          updatedAt: at(i),
          datasetId: resourceType === "dataset" ? resourceId : null,
          fileEntryId: resourceType === "folder" ? resourceId : null,
        };
      },
      (rows) => writer.insert("Share", rows),
    );
  } finally {
    await writer.close();
  }
  return performance.now() - t0;
}

async function run(kind: "sqlite" | "postgresql") {
  const { url, drop } = await database(kind);
  try {
    await applyMigrations(url);
    const seedMs = await seed(url);
    const db = createDb(url);
    setDb(db);
    const target: Actor = { id: "u1", email: "u1@bench.test", username: "u1" };
    const workspace = { id: "w-owner", ownerId: "u0" };
    // Resources spread over the whole workspace: some are shared with the target, most are not.
    const dataset = (i: number): Resource => ({
      type: "dataset",
      id: `d${(i * 7919) % DATASETS}`,
      workspaceId: "w-owner",
      workspaceOwnerId: "u0",
      visibility: "private",
    });
    // A subfolder: grants on the two folders above it (and the workspace) cascade to it.
    const subfolder = (i: number): Resource => {
      const sub = 500 + ((i * 7919) % (FOLDERS - 500));
      return {
        type: "folder",
        id: `f${sub}`,
        workspaceId: "w-owner",
        workspaceOwnerId: "u0",
        ancestorFolderIds: ["root", `f${sub % 500}`],
      };
    };
    // Steady state, as in a server that has been answering for a few seconds: 3,000 untimed checks
    // first (the JIT compiles the hot path, the databases' caches fill), then 5,000 timed ones.
    const check = await measure(5_000, (i) => getEffectiveRole(target, dataset(i)), 3_000);
    const folderCheck = await measure(5_000, (i) => getEffectiveRole(target, subfolder(i)), 3_000);
    const withMePage = await measure(100, () => pageSharedWithMe(target, 200), 10); // what the page shows first
    const withMe = await measure(100, () => listSharedWithMe(target, { take: 1_000 }), 10);
    const sharedCount = (await listSharedWithMe(target, { take: 1_000 })).length;
    const catalog = await measure(
      200,
      async () => {
        const where = await readableDatasetsWhere(target, workspace);
        return db.dataset.findMany({
          where,
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: 50,
          select: { id: true, name: true, slug: true, updatedAt: true, rowCount: true },
        });
      },
      10,
    );
    await db.$disconnect();
    return { kind, seedMs, check, folderCheck, withMePage, withMe, sharedCount, catalog };
  } finally {
    setDb(undefined);
    await drop();
  }
}

/** Runs the sharing benchmark and prints its figures, one column per database. */
export async function runSharingBench(): Promise<void> {
  const kinds: ("sqlite" | "postgresql")[] = [
    "sqlite",
    ...(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? ["postgresql" as const] : []),
  ];
  console.log(
    `Sharing benchmark: ${DATASETS.toLocaleString()} datasets, ${FOLDERS.toLocaleString()} folders, ${GRANTS.toLocaleString()} grants`,
  );
  const results: Awaited<ReturnType<typeof run>>[] = [];
  for (const kind of kinds) results.push(await run(kind));
  const row = (label: string, pick: (r: (typeof results)[number]) => string) =>
    console.log(`${label.padEnd(50)}${results.map((r) => pick(r).padEnd(34)).join("")}`);
  row("", (r) => r.kind);
  row("seed (s)", (r) => (r.seedMs / 1000).toFixed(1));
  row("access check, dataset, median / p99 (< 5 ms)", (r) => `${ms(r.check.median)} / ${ms(r.check.p99)}`);
  row(
    "access check, subfolder, median / p99 (< 5 ms)",
    (r) => `${ms(r.folderCheck.median)} / ${ms(r.folderCheck.p99)}`,
  );
  row("shared with me, first page (200), median / p99", (r) => `${ms(r.withMePage.median)} / ${ms(r.withMePage.p99)}`);
  row(
    "shared with me, all 1,000 grants, median / p99",
    (r) => `${ms(r.withMe.median)} / ${ms(r.withMe.p99)} (${r.sharedCount} items)`,
  );
  row("catalog page for a grantee, median / p99", (r) => `${ms(r.catalog.median)} / ${ms(r.catalog.p99)}`);
}
