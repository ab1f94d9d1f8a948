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
import { createDb, setDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { listSharedWithMe } from "@/lib/sharing/shared-lists";
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
    return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
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

async function chunks(total: number, make: (i: number) => object, insert: (rows: object[]) => Promise<unknown>) {
  for (let start = 0; start < total; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) rows.push(make(i));
    await insert(rows);
  }
}

async function seed(db: Db) {
  const t0 = performance.now();
  await chunks(USERS, (i) => ({ id: `u${i}`, email: `u${i}@bench.test`, username: `u${i}` }), (rows) => db.user.createMany({ data: rows as never }));
  await db.workspace.create({ data: { id: "w-owner", ownerId: "u0", slug: "big", name: "Big" } });
  await chunks(DATASETS, (i) => ({
    id: `d${i}`, workspaceId: "w-owner", slug: `ds-${i}`, name: `Dataset ${i}`, sortName: `dataset ${i}`, searchText: `dataset ${i}`,
    version: 1, columns: "[]", rowCount: BigInt(i), sizeBytes: BigInt(i * 10), visibility: i % 100 === 0 ? "public" : "private",
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
  }), (rows) => db.dataset.createMany({ data: rows as never }));
  await db.fileEntry.create({ data: { id: "root", workspaceId: "w-owner", kind: "folder", slot: "root", name: "", nameLower: "", ancestry: "/" } });
  // 500 top folders with 99 subfolders each (50,000 folders in all)
  await chunks(FOLDERS, (i) => {
    const top = i % 500;
    const isTop = i < 500;
    return isTop
      ? { id: `f${i}`, workspaceId: "w-owner", kind: "folder", parentId: "root", slot: "root-children", name: `top ${i}`, nameLower: `top ${i}`, ancestry: "/root/" }
      : { id: `f${i}`, workspaceId: "w-owner", kind: "folder", parentId: `f${top}`, slot: `f${top}`, name: `sub ${i}`, nameLower: `sub ${i}`, ancestry: `/root/f${top}/` };
  }, (rows) => db.fileEntry.createMany({ data: rows as never }));
  // The target user u1 gets exactly 1,000 grants; the other grants spread over the other users.
  const resources = DATASETS + FOLDERS;
  await chunks(GRANTS, (i) => {
    const r = i % resources;
    const isTarget = i < TARGET_GRANTS;
    const user = isTarget ? 1 : 2 + ((Math.floor(i / resources) * 7 + (r % 1_000)) % (USERS - 2));
    const [resourceType, resourceId] = r < DATASETS ? ["dataset", `d${r}`] : ["folder", `f${r - DATASETS}`];
    return {
      workspaceId: "w-owner", resourceType, resourceId, granteeType: "user", granteeKey: `user:u${user}`, granteeUserId: `u${user}`,
      datasetId: resourceType === "dataset" ? resourceId : null, fileEntryId: resourceType === "folder" ? resourceId : null,
      role: i % 3 === 0 ? "editor" : "viewer", createdById: "u0",
    };
  }, (rows) => db.share.createMany({ data: rows as never }));
  return performance.now() - t0;
}

async function run(kind: "sqlite" | "postgresql") {
  const { url, drop } = await database(kind);
  try {
    await applyMigrations(url);
    const db = createDb(url);
    setDb(db);
    const seedMs = await seed(db);
    const target: Actor = { id: "u1", email: "u1@bench.test", username: "u1" };
    const workspace = { id: "w-owner", ownerId: "u0" };
    const dataset = (i: number): Resource => ({ type: "dataset", id: `d${(i * 7919) % DATASETS}`, workspaceId: "w-owner", workspaceOwnerId: "u0", visibility: "private" });
    const check = await measure(1_000, (i) => getEffectiveRole(target, dataset(i)));
    const withMe = await measure(30, () => listSharedWithMe(target, { take: 1_000 }));
    const sharedCount = (await listSharedWithMe(target, { take: 1_000 })).length;
    const catalog = await measure(50, async () => {
      const where = await readableDatasetsWhere(target, workspace);
      return db.dataset.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: 50, select: { id: true, name: true, slug: true, updatedAt: true, rowCount: true } });
    });
    await db.$disconnect();
    return { kind, seedMs, check, withMe, sharedCount, catalog };
  } finally {
    setDb(undefined);
    await drop();
  }
}

/** Runs the sharing benchmark and prints its figures, one column per database. */
export async function runSharingBench(): Promise<void> {
  const kinds: ("sqlite" | "postgresql")[] = ["sqlite", ...(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? ["postgresql" as const] : [])];
  console.log(`Sharing benchmark: ${DATASETS.toLocaleString()} datasets, ${FOLDERS.toLocaleString()} folders, ${GRANTS.toLocaleString()} grants`);
  const results: Awaited<ReturnType<typeof run>>[] = [];
  for (const kind of kinds) results.push(await run(kind));
  const row = (label: string, pick: (r: (typeof results)[number]) => string) => console.log(`${label.padEnd(50)}${results.map((r) => pick(r).padEnd(34)).join("")}`);
  row("", (r) => r.kind);
  row("seed (s)", (r) => (r.seedMs / 1000).toFixed(1));
  row("access check, median / p99 (target p99 < 5 ms)", (r) => `${ms(r.check.median)} / ${ms(r.check.p99)}`);
  row("shared with me (1,000 grants), median / p99", (r) => `${ms(r.withMe.median)} / ${ms(r.withMe.p99)} (${r.sharedCount} items)`);
  row("catalog page for a grantee, median / p99", (r) => `${ms(r.catalog.median)} / ${ms(r.catalog.p99)}`);
}
