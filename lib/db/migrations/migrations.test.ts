// Guards the migration history: fails when prisma/schema.prisma was edited without `npm run db:migration`,
// and proves `applyMigrations` is the idempotent `migrate deploy` both databases rely on at start-up.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "./adapters";
import { applyMigrations, diffMigrationsToSchema, migrationsDir, providerOf } from "./engine";

const MISSING_MIGRATION =
  "prisma/schema.prisma differs from the committed migrations. Run `npm run db:migration -- <name>` " +
  "and commit the new folders under prisma/migrations and prisma/postgresql/migrations. Pending SQL:\n";

/** Non-comment SQL in a script ("" when the migrations match the schema). */
const sqlOf = (script: string) =>
  script
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("--"))
    .join("\n");

const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("providerOf", () => {
  it("maps URLs to providers and rejects anything else", () => {
    expect(providerOf("file:./data/x.db")).toBe("sqlite");
    expect(providerOf("postgres://u@h/db")).toBe("postgresql");
    expect(providerOf("postgresql://u:p@h:5432/db?schema=s")).toBe("postgresql");
    expect(() => providerOf("mysql://u:secret@h/db")).toThrow(/Unsupported database URL "mysql:\/\/u:\*\*\*@h\/db"/);
  });
});

describe("migration folders", () => {
  it("have the same migrations for SQLite and PostgreSQL", () => {
    // Both are created together by `npm run db:migration`; a migration for one database only means the
    // other was forgotten (or made by hand).
    expect(migrationNames(migrationsDir("postgresql"))).toEqual(migrationNames(migrationsDir("sqlite")));
    expect(migrationNames(migrationsDir("sqlite")).length).toBeGreaterThan(0);
  });
});

describe("SQLite migrations", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "datashelf-migrations-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("match prisma/schema.prisma", async () => {
    const script = await diffMigrationsToSchema("sqlite");
    expect(sqlOf(script), MISSING_MIGRATION + script).toBe("");
  });

  it("apply to a fresh file (creating its directory), and a second run applies nothing", async () => {
    const file = path.join(dir, "nested", "app.db");
    const url = `file:${file}`;
    const expected = migrationNames(migrationsDir("sqlite"));

    expect((await applyMigrations(url)).applied).toEqual(expected);
    expect((await applyMigrations(url)).applied).toEqual([]);

    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name")
        .all() as { migration_name: string; finished_at: string | null; rolled_back_at: string | null }[];
      expect(rows.map((r) => r.migration_name)).toEqual(expected);
      for (const row of rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
      // The schema really exists, not just the bookkeeping.
      expect(db.prepare("SELECT count(*) AS n FROM User").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

// Runs against the server in TEST_DATABASE_URL (its role needs CREATEDB): a uniquely named database is
// created for the run and dropped afterwards, so concurrent runs and existing data are never touched.
describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL migrations", () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl, "datashelf_test_migrations");
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it("match prisma/schema.prisma", async () => {
    const script = await diffMigrationsToSchema("postgresql");
    expect(sqlOf(script), MISSING_MIGRATION + script).toBe("");
  });

  it("apply to a fresh database, and a second run applies nothing", async () => {
    const expected = migrationNames(migrationsDir("postgresql"));

    expect((await applyMigrations(scratch.url)).applied).toEqual(expected);
    expect((await applyMigrations(scratch.url)).applied).toEqual([]);

    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const { rows } = await client.query<{
        migration_name: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name");
      expect(rows.map((r) => r.migration_name)).toEqual(expected);
      for (const row of rows) {
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
      }
      const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM "User"');
      expect(count.rows[0]?.n).toBe("0");
    } finally {
      await client.end();
    }
  });
});
