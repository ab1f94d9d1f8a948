// `npm start` migrates the SQLite file while another server (or the CLI) may have it open and be writing.
// Migrating must wait for that writer and succeed, and must not lock the running server out.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationsDir } from "./engine";

const ALL = readdirSync(migrationsDir("sqlite"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/**
 * Another process with the database open in WAL mode (as the server has it) that holds a write
 * transaction for `holdMs`, then commits and keeps the connection open until killed.
 */
async function holdWriteLock(file: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("journal_mode = WAL");
    db.exec("BEGIN IMMEDIATE"); // the write lock, as a server's write transaction holds it
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); process.stdout.write("committed\\n"); }, Number(process.argv[2]));
    setInterval(() => db.prepare("SELECT count(*) FROM sqlite_master").get(), 100);
  `;
  const child = spawn(process.execPath, ["-e", script, file, String(holdMs)], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  expect(chunk.toString()).toContain("locked");
  return child;
}

describe("applyMigrations next to a busy SQLite writer", () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "datashelf-migrate-busy-"));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("waits for the writer and applies every pending migration", async () => {
    const file = path.join(dir, "pending.db");
    const started = Date.now();
    children.push(await holdWriteLock(file, 3_000));

    const { applied } = await applyMigrations(`file:${file}`);

    expect(applied).toEqual(ALL);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500); // it really waited for the commit
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL").get()).toEqual({
        n: ALL.length,
      });
    } finally {
      db.close();
    }
  }, 60_000);

  it("with nothing pending is a no-op that succeeds while the writer holds its lock", async () => {
    const file = path.join(dir, "current.db");
    await applyMigrations(`file:${file}`);
    children.push(await holdWriteLock(file, 3_000));

    await expect(applyMigrations(`file:${file}`)).resolves.toEqual({ applied: [] });
  }, 60_000);

  it("reports a writer that outlasts DB_MIGRATE_WAIT_SECONDS as a locked database", async () => {
    const file = path.join(dir, "stuck.db");
    children.push(await holdWriteLock(file, 20_000));
    process.env.DB_MIGRATE_WAIT_SECONDS = "1";
    try {
      await expect(applyMigrations(`file:${file}`)).rejects.toThrow(
        /^database is locked: another process kept its write lock on stuck.db for more than 1 s/,
      );
    } finally {
      delete process.env.DB_MIGRATE_WAIT_SECONDS;
    }
  }, 60_000);
});

describe("two migrations at once", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "datashelf-migrate-twice-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("apply each migration once: one run applies them, the other finds nothing pending", async () => {
    const file = path.join(dir, "twice.db");
    const run = () => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/db/migrate.ts"],
        { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      return new Promise<{ code: number | null; out: string }>((resolve) =>
        child.on("exit", (code) => resolve({ code, out })),
      );
    };
    const results = await Promise.all([run(), run()]);

    expect(
      results.map((r) => r.code),
      results.map((r) => r.out).join("\n"),
    ).toEqual([0, 0]);
    const outputs = results.map((r) => r.out).sort();
    expect(outputs[0]).toContain(`Applied ${ALL.length} migration(s)`);
    expect(outputs[1]).toContain("Database is up to date");
  }, 120_000);
});
