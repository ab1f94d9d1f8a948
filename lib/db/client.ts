import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseUrl, providerOfUrl, sqlitePath } from "./config";
import { tuneSqliteAdapter } from "./sqlite-adapter";
import { numberSetting } from "@/lib/config/number-settings";

/**
 * Both generated clients come from the same model, so their APIs are identical; the SQLite
 * one's type stands for both.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Interactive transactions may wait for SQLite's single writer (another process, e.g. the CLI
 * next to the server) well beyond Prisma's 2 s / 5 s defaults; a busy machine must not turn a
 * short wait into a failed request.
 */
const TRANSACTIONS = { maxWait: 15_000, timeout: 30_000 };

function openSqlite(url: string): Db {
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets the CLI, tests and the server use one file at once; it is a property of the file,
  // so setting it once here is enough. busy timeout makes writers wait instead of failing.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  return new SqliteClient({
    adapter: tuneSqliteAdapter(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 15_000 })),
    transactionOptions: TRANSACTIONS,
  });
}

function openPostgres(url: string): Db {
  const adapter = new PrismaPg({ connectionString: url, max: numberSetting("DATABASE_POOL_SIZE") });
  return new PostgresClient({ adapter, transactionOptions: TRANSACTIONS }) as unknown as Db;
}

export function createDb(url = databaseUrl()): Db {
  return providerOfUrl(url) === "sqlite" ? openSqlite(url) : openPostgres(url);
}

const globalForDb = globalThis as unknown as { datashelfDb?: Db };

/** One client per process (Next.js dev reloads modules; the global keeps one pool). */
export function getDb(): Db {
  globalForDb.datashelfDb ??= createDb();
  return globalForDb.datashelfDb;
}

/** Lets tests point the process at a temporary database. */
export function setDb(db: Db | undefined): void {
  globalForDb.datashelfDb = db;
}
