// The typed_schema migration turns text columns into enums and Json on a live database: rows an older release
// wrote must come through unchanged. Builds a database as that release left it (migrations up to the one before),
// writes rows with raw SQL, migrates to the end and reads them back through the client. Runs on SQLite and, in the
// postgresql project, on a scratch database on TEST_DATABASE_URL's server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { parseColumns, parseTags } from "@/lib/catalog/types";
import { createScratchDatabase } from "./adapters";
import { applyMigrations, migrationsDir, providerOf } from "./engine";

const TYPED_SCHEMA = "20261130142359_typed_schema";
const postgres = process.env.TEST_DB === "postgresql";

const migrationNames = () =>
  fs
    .readdirSync(migrationsDir(postgres ? "postgresql" : "sqlite"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));

const AT = "2026-11-01T12:00:00.000Z";
const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "city", type: "VARCHAR" },
];
const STATS = [
  { name: "id", type: "BIGINT", min: "1", max: "9", distinct: 9, nulls: 0, nullPercent: 0, avg: "5" },
  { name: "city", type: "VARCHAR", min: "Oslo", max: "Rome", distinct: 2, nulls: 1, nullPercent: 11.1, avg: null },
];

/** Rows as the release before typed_schema wrote them: enums as text, JSON as text. `ts` is a timestamp literal. */
function oldRows(ts: string): string[] {
  const json = (value: unknown) => `'${JSON.stringify(value).replaceAll("'", "''")}'`;
  return [
    `INSERT INTO "User" ("id", "email", "username", "createdAt", "updatedAt") VALUES
      ('u1', 'ann@example.test', 'ann', ${ts}, ${ts}), ('u2', 'bob@example.test', 'bob', ${ts}, ${ts})`,
    `INSERT INTO "Workspace" ("id", "ownerId", "slug", "name", "createdAt", "updatedAt")
      VALUES ('w1', 'u1', 'lab', 'Lab', ${ts}, ${ts})`,
    `INSERT INTO "Membership" ("id", "workspaceId", "userId", "role", "createdAt") VALUES ('m1', 'w1', 'u2', 'admin', ${ts})`,
    `INSERT INTO "WorkspaceInvitation" ("id", "workspaceId", "email", "role", "inviterId", "tokenHash", "expiresAt", "createdAt")
      VALUES ('i1', 'w1', 'cat@example.test', 'member', 'u1', 'hash-i1', ${ts}, ${ts})`,
    `INSERT INTO "FileEntry" ("id", "workspaceId", "kind", "parentId", "slot", "name", "nameLower", "ancestry", "createdAt", "modifiedAt")
      VALUES ('root', 'w1', 'folder', NULL, 'root', '', '', '/', ${ts}, ${ts}),
             ('f1', 'w1', 'file', 'root', 'root', 'a.csv', 'a.csv', '/root/', ${ts}, ${ts})`,
    `INSERT INTO "Dataset" ("id", "workspaceId", "slug", "name", "sortName", "tags", "visibility", "searchText",
        "version", "columns", "rowCount", "sizeBytes", "createdAt", "updatedAt")
      VALUES ('d1', 'w1', 'cities', 'Cities', 'cities', ${json(["geo", "it's"])}, 'public', 'cities', 2,
        ${json(COLUMNS)}, 9, 1000, ${ts}, ${ts})`,
    // tags and visibility left to the old column defaults ('[]', 'private')
    `INSERT INTO "Dataset" ("id", "workspaceId", "slug", "name", "sortName", "searchText", "version", "columns",
        "rowCount", "sizeBytes", "createdAt", "updatedAt")
      VALUES ('d2', 'w1', 'empty', 'Empty', 'empty', 'empty', 1, '[]', 0, 0, ${ts}, ${ts})`,
    `INSERT INTO "DatasetVersion" ("id", "datasetId", "number", "kind", "blobKey", "columns", "rowCount", "sizeBytes",
        "stats", "createdAt")
      VALUES ('v1', 'd1', 1, 'create', 'blob-1', ${json(COLUMNS)}, 9, 1000, ${json(STATS)}, ${ts}),
             ('v2', 'd1', 2, 'restore', 'blob-1', ${json(COLUMNS)}, 9, 1000, NULL, ${ts})`,
    `INSERT INTO "DatasetIngest" ("id", "workspaceId", "datasetId", "mode", "baseVersion", "blobKey", "columns",
        "rowCount", "sizeBytes", "addedRows", "sourceName", "sourceFormat", "createdById", "createdAt", "expiresAt")
      VALUES ('g1', 'w1', 'd1', 'append', 2, 'blob-2', ${json(COLUMNS)}, 12, 1200, 3, 'more.csv', 'csv', 'u1', ${ts}, ${ts})`,
    `INSERT INTO "Outbox" ("id", "to", "subject", "html", "text", "kind", "status", "createdAt", "nextAttemptAt")
      VALUES ('o1', 'ann@example.test', 'Hi', '<p>Hi</p>', 'Hi', 'sign-in', 'sending', ${ts}, ${ts}),
             ('o2', 'bob@example.test', 'Hi', '<p>Hi</p>', 'Hi', 'share', 'failed', ${ts}, ${ts})`,
    `INSERT INTO "Upload" ("id", "userId", "workspaceId", "kind", "bytes", "createdAt", "finishedAt", "result")
      VALUES ('up1', 'u1', 'w1', 'dataset', 1200, ${ts}, ${ts}, ${json({ id: "g1", url: "/review/g1" })}),
             ('up2', 'u1', 'w1', 'file', 10, ${ts}, NULL, NULL)`,
    `INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "action", "resourceType", "resourceId", "details", "createdAt")
      VALUES ('a1', 'w1', 'u1', 'folder.trashed', 'folder', 'root', ${json({ name: "x", nested: { n: 1 } })}, ${ts}),
             ('a2', 'w1', NULL, 'link.used', 'file', 'f1', '{}', ${ts})`,
    `INSERT INTO "Share" ("id", "workspaceId", "resourceType", "resourceId", "granteeType", "granteeEmail", "granteeKey",
        "role", "createdById", "createdAt", "updatedAt", "datasetId")
      VALUES ('s1', 'w1', 'dataset', 'd1', 'email', 'dan@example.test', 'email:dan@example.test', 'editor', 'u1', ${ts}, ${ts}, 'd1')`,
    `INSERT INTO "AccessLink" ("id", "workspaceId", "resourceType", "resourceId", "tokenHash", "prefix", "mode",
        "expiresAt", "createdById", "createdAt")
      VALUES ('l1', 'w1', 'file', 'f1', 'hash-l1', 'dsl_ab', 'authenticated', ${ts}, 'u1', ${ts})`,
  ];
}

describe("typed_schema migration on a database an older release wrote", () => {
  let url = "";
  let db: Db;
  let cleanup = async () => {};
  let appliedAfter: string[] = [];

  beforeAll(async () => {
    const names = migrationNames();
    const before = names[names.indexOf(TYPED_SCHEMA) - 1];
    if (!before) throw new Error(`${TYPED_SCHEMA} is missing or first`);
    if (postgres) {
      const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, "datashelf_test_typed");
      url = scratch.url;
      cleanup = () => scratch.drop();
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-typed-"));
      url = `file:${path.join(dir, "old.db")}`;
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    await applyMigrations(url, { upTo: before });
    if (providerOf(url) === "postgresql") {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const sql of oldRows(`'${AT}'`)) await client.query(sql);
      } finally {
        await client.end();
      }
    } else {
      const file = new Database(url.slice("file:".length));
      try {
        // the text Prisma's SQLite adapter writes for a DateTime
        for (const sql of oldRows(`'${AT.replace("Z", "+00:00")}'`)) file.exec(sql);
      } finally {
        file.close();
      }
    }
    appliedAfter = (await applyMigrations(url)).applied;
    db = createDb(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await cleanup();
  });

  it("applies typed_schema and everything after it", () => {
    expect(appliedAfter[0]).toBe(TYPED_SCHEMA);
    expect(appliedAfter).toEqual(migrationNames().filter((n) => n.localeCompare(TYPED_SCHEMA) >= 0));
  });

  it("keeps JSON text as the values it held", async () => {
    const d1 = await db.dataset.findUniqueOrThrow({ where: { id: "d1" } });
    expect(parseTags(d1.tags)).toEqual(["geo", "it's"]);
    expect(parseColumns(d1.columns)).toEqual(COLUMNS);
    const d2 = await db.dataset.findUniqueOrThrow({ where: { id: "d2" } });
    expect(d2.tags).toEqual([]);
    expect(d2.columns).toEqual([]);
    const versions = await db.datasetVersion.findMany({ where: { datasetId: "d1" }, orderBy: { number: "asc" } });
    expect(versions.map((v) => [v.kind, v.columns, v.stats])).toEqual([
      ["create", COLUMNS, STATS],
      ["restore", COLUMNS, null],
    ]);
    expect((await db.datasetIngest.findUniqueOrThrow({ where: { id: "g1" } })).columns).toEqual(COLUMNS);
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.details)).toEqual([{ name: "x", nested: { n: 1 } }, {}]);
    const uploads = await db.upload.findMany({ orderBy: { id: "asc" } });
    expect(uploads.map((u) => [u.kind, u.result])).toEqual([
      ["dataset", { id: "g1", url: "/review/g1" }],
      ["file", null],
    ]);
  });

  it("keeps every vocabulary value", async () => {
    expect((await db.membership.findUniqueOrThrow({ where: { id: "m1" } })).role).toBe("admin");
    expect((await db.workspaceInvitation.findUniqueOrThrow({ where: { id: "i1" } })).role).toBe("member");
    expect((await db.fileEntry.findMany({ orderBy: { id: "asc" } })).map((e) => e.kind)).toEqual(["file", "folder"]);
    expect((await db.dataset.findMany({ orderBy: { id: "asc" } })).map((d) => d.visibility)).toEqual([
      "public",
      "private",
    ]);
    expect((await db.datasetIngest.findUniqueOrThrow({ where: { id: "g1" } })).mode).toBe("append");
    expect((await db.outbox.findMany({ orderBy: { id: "asc" } })).map((o) => [o.kind, o.status])).toEqual([
      ["sign-in", "sending"],
      ["share", "failed"],
    ]);
    expect((await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.resourceType)).toEqual([
      "folder",
      "file",
    ]);
    expect(await db.share.findUniqueOrThrow({ where: { id: "s1" } })).toMatchObject({
      resourceType: "dataset",
      granteeType: "email",
      role: "editor",
    });
    expect(await db.accessLink.findUniqueOrThrow({ where: { id: "l1" } })).toMatchObject({
      resourceType: "file",
      mode: "authenticated",
    });
  });

  it("filters on the converted columns, through their indexes' columns", async () => {
    // (resourceType, resourceId, granteeKey) stays unique after the conversion
    const share = await db.share.findUnique({
      where: {
        resourceType_resourceId_granteeKey: {
          resourceType: "dataset",
          resourceId: "d1",
          granteeKey: "email:dan@example.test",
        },
      },
    });
    expect(share?.id).toBe("s1");
    expect(await db.dataset.count({ where: { workspaceId: "w1", visibility: "public" } })).toBe(1);
    expect(await db.outbox.count({ where: { status: { in: ["pending", "sending"] } } })).toBe(1);
  });

  it("sorts enum columns as it sorted their text, on both databases", async () => {
    // folders before files is `kind desc` (lib/files/list-folder.ts); PostgreSQL sorts an enum by declaration order
    const byKind = await db.fileEntry.findMany({ orderBy: [{ kind: "desc" }, { id: "asc" }] });
    expect(byKind.map((e) => e.kind)).toEqual(["folder", "file"]);
    const byType = await db.auditEvent.findMany({ orderBy: { resourceType: "asc" } });
    expect(byType.map((e) => e.resourceType)).toEqual(["file", "folder"]);
    const byStatus = await db.outbox.findMany({ orderBy: { status: "asc" } });
    expect(byStatus.map((o) => o.status)).toEqual(["failed", "sending"]);
  });

  it("gives new rows the old defaults, now typed", async () => {
    const d = await db.dataset.create({
      data: {
        id: "d3",
        workspaceId: "w1",
        slug: "new",
        name: "New",
        sortName: "new",
        searchText: "new",
        version: 1,
        columns: COLUMNS,
        rowCount: 0,
        sizeBytes: 0,
      },
    });
    expect([d.tags, d.visibility, d.columns]).toEqual([[], "private", COLUMNS]);
    const e = await db.auditEvent.create({
      data: { action: "dataset.created", resourceType: "dataset", resourceId: "d3" },
    });
    expect(e.details).toEqual({});
    const o = await db.outbox.create({
      data: { to: "x@example.test", subject: "s", html: "h", text: "t", kind: "share" },
    });
    expect(o.status).toBe("pending");
  });

  it.runIf(postgres)("stores enums and JSON natively on PostgreSQL", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
        `SELECT table_name, column_name, udt_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND (table_name, column_name) IN
            (('Dataset', 'tags'), ('Dataset', 'visibility'), ('AuditEvent', 'details'), ('Share', 'role'))
          ORDER BY table_name, column_name`,
      );
      expect(rows.map((r) => `${r.table_name}.${r.column_name}: ${r.udt_name}`)).toEqual([
        "AuditEvent.details: jsonb",
        "Dataset.tags: jsonb",
        "Dataset.visibility: Visibility",
        "Share.role: ShareRole",
      ]);
    } finally {
      await client.end();
    }
  });
});
