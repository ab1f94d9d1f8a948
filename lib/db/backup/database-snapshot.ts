// A consistent copy of the database while the server keeps using it, and putting such a copy back.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import type { Locations } from "./locations";
import { invalid } from "@/lib/util/errors";

const run = promisify(execFile);

export const SQLITE_FILE = "datashelf.db";
export const PG_DUMP_FILE = "datashelf.pgdump";

/**
 * Rule: the snapshot is one point in time, taken without stopping the server.
 * SQLite: `VACUUM INTO` copies the database inside a single read transaction, so it sees one committed
 * state; in WAL mode that read blocks no writer. (The page-by-page online backup API restarts whenever
 * another process writes, so under steady writes it may never finish.) PostgreSQL: `pg_dump`, which
 * reads in one repeatable-read transaction.
 */
export async function snapshotDatabase(loc: Locations, dir: string): Promise<string> {
  if (loc.provider === "sqlite") {
    const source = new Database(loc.sqliteFile!, { readonly: true, fileMustExist: true, timeout: 15_000 });
    try {
      source.prepare("VACUUM INTO ?").run(path.join(dir, SQLITE_FILE));
    } finally {
      source.close();
    }
    return SQLITE_FILE;
  }
  await pgTool("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${path.join(dir, PG_DUMP_FILE)}`,
    `--dbname=${loc.databaseUrl}`,
  ]);
  return PG_DUMP_FILE;
}

/** Whether the target database already has tables (a restore would overwrite them). */
export async function databaseHasData(loc: Locations): Promise<boolean> {
  if (loc.provider === "sqlite") {
    if (!fs.existsSync(loc.sqliteFile!) || fs.statSync(loc.sqliteFile!).size === 0) return false;
    const db = new Database(loc.sqliteFile!, { readonly: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: loc.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    return Number(rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Replaces the target database with the snapshot `file` in `dir`. The server must be stopped. */
export async function restoreDatabase(loc: Locations, dir: string, file: string): Promise<void> {
  if (loc.provider === "sqlite") {
    if (file !== SQLITE_FILE) throw invalid("This backup holds a PostgreSQL dump; DATABASE_URL points to SQLite.");
    const target = loc.sqliteFile!;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.restoring`;
    fs.copyFileSync(path.join(dir, file), temp);
    // A -wal file left from the old database would be replayed onto the restored one.
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(temp, target);
    return;
  }
  if (file !== PG_DUMP_FILE) throw invalid("This backup holds a SQLite database; DATABASE_URL points to PostgreSQL.");
  await pgTool("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    `--dbname=${loc.databaseUrl}`,
    path.join(dir, file),
  ]);
}

async function pgTool(tool: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") {
      throw invalid(
        `${tool} is not on PATH: install the PostgreSQL client tools (same major version as the server) to back up or restore PostgreSQL.`,
      );
    }
    throw new Error(`${tool} failed: ${(e.stderr ?? e.message).trim().split("\n").slice(-3).join(" ")}`);
  }
}
