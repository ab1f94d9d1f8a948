// The insights migration gives AuditEvent a linkId column and fills it for events an older release recorded
// through a link (their link's id was only in details, as "linkId" or, for dataset exports, "link"), so a link's
// insights include its history. Runs on SQLite and, in the postgresql project, on a scratch database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createScratchDatabase } from "@/lib/db/migrations/adapters";
import { applyMigrations, migrationsDir } from "@/lib/db/migrations/engine";

const INSIGHTS = "20261130205213_insights";
const postgres = process.env.TEST_DB === "postgresql";
const AT = "2026-11-01T12:00:00.000Z";

const rows = (ts: string) => [
  `INSERT INTO "User" ("id", "email", "username", "createdAt", "updatedAt") VALUES ('u1', 'ann@example.test', 'ann', ${ts}, ${ts})`,
  `INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "action", "resourceType", "resourceId", "details", "createdAt")
    VALUES ('e1', 'w1', NULL, 'link.used', 'folder', 'f1', '{"linkId":"l1","prefix":"ab12"}', ${ts}),
           ('e2', 'w1', 'u1', 'dataset.downloaded', 'dataset', 'd1', '{"format":"csv","link":"l2"}', ${ts}),
           ('e3', 'w1', 'u1', 'dataset.updated', 'dataset', 'd1', '{"from":{"name":"a"}}', ${ts})`,
];

let url = "";
let db: Db;
let cleanup = async () => {};

beforeAll(async () => {
  const names = fs
    .readdirSync(migrationsDir(postgres ? "postgresql" : "sqlite"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const before = names[names.indexOf(INSIGHTS) - 1]!;
  if (postgres) {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, "datashelf_test_insights");
    url = scratch.url;
    cleanup = () => scratch.drop();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-insights-"));
    url = `file:${path.join(dir, "old.db")}`;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await applyMigrations(url, { upTo: before });
  if (postgres) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const sql of rows(`'${AT}'`)) await client.query(sql);
    } finally {
      await client.end();
    }
  } else {
    const file = new Database(url.slice("file:".length));
    try {
      for (const sql of rows(`'${AT.replace("Z", "+00:00")}'`)) file.exec(sql);
    } finally {
      file.close();
    }
  }
  await applyMigrations(url);
  db = createDb(url);
});

afterAll(async () => {
  await db?.$disconnect();
  await cleanup();
});

it("fills the link column of older link events from their details, and leaves other events without one", async () => {
  const events = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, linkId: true } });
  expect(events).toEqual([
    { id: "e1", linkId: "l1" },
    { id: "e2", linkId: "l2" },
    { id: "e3", linkId: null },
  ]);
});
