import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { settleBackground } from "@/lib/util/background";
import { createDb, setDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";

/**
 * Gives the calling test file a fresh, migrated database: a temporary SQLite file, or (in the
 * PostgreSQL project) a new database on TEST_DATABASE_URL's server, dropped afterwards.
 * The services under test reach it through getDb().
 */
export function setupTestDatabase(): { db: () => Db; url: () => string } {
  let db: Db | undefined;
  let url = "";
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (process.env.TEST_DB === "postgresql") {
      const base = new URL(process.env.TEST_DATABASE_URL!);
      const name = `ds_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base.toString() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const target = new URL(base.toString());
      target.pathname = `/${name}`;
      url = target.toString();
      cleanup = async () => {
        const c = new pg.Client({ connectionString: base.toString() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-test-"));
      url = `file:${path.join(dir, "test.db")}`;
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    process.env.DATABASE_URL = url;
    await applyMigrations(url);
    db = createDb(url);
    setDb(db);
  });
  afterAll(async () => {
    await settleBackground(); // a new version's profile may still be computing; it writes to this database
    await db?.$disconnect();
    setDb(undefined);
    await cleanup();
  });
  return { db: () => db!, url: () => url };
}
