// Driver adapters for the WASM schema engine, with the fixes it needs on top of the stock Prisma adapters.
// Every adapter handed to the engine is tracked so we can close it ourselves: the engine does not reliably
// dispose of them, and an open pg pool would keep the process alive (an open SQLite handle keeps a lock).
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { migrateWaitMs } from "./sqlite-migration-lock";
import { splitSqlStatements } from "./sql-script";

export interface TrackedFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every adapter this factory handed out that is still open. Safe to call twice. */
  closeAll(): Promise<void>;
}

/**
 * SQLite: the main database is `file` (absolute path, or ":memory:"); the shadow database used to replay
 * migrations for a diff is a fresh in-memory database.
 */
export function sqliteFactory(file: string, busyTimeoutMs = migrateWaitMs()): TrackedFactory {
  // `timeout` is SQLite's busy timeout: a statement that needs the write lock waits for the other writer.
  const inner = new PrismaBetterSqlite3({ url: file === ":memory:" ? file : `file:${file}`, timeout: busyTimeoutMs });
  const wrap = (adapter: SqlDriverAdapter) => shareTheDatabase(allowMultiStatement(adapter), busyTimeoutMs);
  return track(inner.provider, inner.adapterName, {
    connect: async () => wrap(await inner.connect()),
    connectToShadowDb: async () => wrap(await inner.connectToShadowDb()),
  });
}

/**
 * Rule: migrating a SQLite file never locks other connections out of it, and a busy database is reported
 * as such.
 *
 * The engine starts with `PRAGMA main.locking_mode=EXCLUSIVE` to keep other migrations out. On a WAL
 * database that mode needs an exclusive lock that no other open connection may share, so next to a running
 * server (which keeps its connection open) it could never be had, and once had it would lock the server
 * out until the migration ended. We skip the pragma; withSqliteMigrationLock keeps migrations apart, and
 * the busy timeout makes each statement wait for the server's writes. A statement that still finds the
 * database busy surfaces as adapter error kind "SocketTimeout", which the WASM engine cannot decode (it
 * failed with "unknown variant `SocketTimeout`"); report it as the SQLite error it is (SQLITE_BUSY), which
 * the engine can (applyMigrations then words it for the operator).
 */
function shareTheDatabase(adapter: SqlDriverAdapter, busyTimeoutMs: number): SqlDriverAdapter {
  const busy = (error: unknown) =>
    // Duck-typed: the adapter may carry its own copy of driver-adapter-utils.
    (error as { cause?: { kind?: unknown } } | null)?.cause?.kind === "SocketTimeout"
      ? new DriverAdapterError({
          kind: "sqlite",
          extendedCode: 5, // SQLITE_BUSY
          message: `database is locked: another process kept its write lock for more than ${busyTimeoutMs} ms`,
        })
      : error;
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (EXCLUSIVE_LOCKING.test(query.sql)) return 0;
    return executeRaw(query).catch((error: unknown) => Promise.reject(busy(error)));
  };
  adapter.queryRaw = (query) => queryRaw(query).catch((error: unknown) => Promise.reject(busy(error)));
  adapter.executeScript = (script) => executeScript(script).catch((error: unknown) => Promise.reject(busy(error)));
  return adapter;
}

const EXCLUSIVE_LOCKING = /^\s*PRAGMA\s+(?:"?main"?\.)?locking_mode\s*=\s*'?EXCLUSIVE'?\s*;?\s*$/i;

// The engine replays a migration.sql on the shadow database as a single executeRaw; better-sqlite3's
// prepare() accepts one statement only, so fall back to exec() for parameterless multi-statement SQL.
function allowMultiStatement(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  const isMulti = (error: unknown, query: SqlQuery) =>
    query.args.length === 0 && error instanceof RangeError && /more than one statement/.test(error.message);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!isMulti(error, query)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (!isMulti(error, query)) throw error;
      await adapter.executeScript(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return adapter;
}

/**
 * PostgreSQL: the main database is `url`. The shadow database is a scratch database created on the server
 * `shadowServerUrl()` resolves to (called only when the engine asks for a shadow database, which
 * `migrate deploy` never does) and dropped when the engine disposes of it, or by closeAll().
 *
 * We do not use PrismaPg's own connectToShadowDb (7.10.1): with a connection string its shadow pool
 * connects to the *main* database (the string overrides `database`), and it drops the shadow database
 * before closing the pool that is still connected to it.
 */
export function pgFactory(url: string, shadowServerUrl: () => Promise<string>): TrackedFactory {
  const inner = new PrismaPg(poolConfig(url), adapterOptions(url));
  return track(inner.provider, inner.adapterName, {
    connect: async () => wholeStatements(await inner.connect()),
    connectToShadowDb: async () => {
      const scratch = await createScratchDatabase(await shadowServerUrl(), "prisma_migrate_shadow_db");
      try {
        const adapter = wholeStatements(
          await new PrismaPg(poolConfig(scratch.url), adapterOptions(scratch.url)).connect(),
        );
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose(); // closes the pool first: DROP DATABASE fails while anything is connected
          await scratch.drop();
        };
        return adapter;
      } catch (error) {
        await scratch.drop();
        throw error;
      }
    },
  });
}

/**
 * PrismaPg's executeScript runs a migration statement by statement, split at every semicolon, which cuts a
 * function's body (`$$ ... $$`) apart. Rule: a script is split only where statements end (splitSqlStatements), and
 * its statements still run one by one, in order, as before.
 */
function wholeStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapter.executeScript = async (script) => {
    for (const sql of splitSqlStatements(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
  };
  return adapter;
}

/** Creates a uniquely named database on the server of `serverUrl`; `drop()` removes it. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The engine's introspection reads catalog columns of PostgreSQL's internal `"char"` type (oid 18, e.g.
// pg_class.relkind), which PrismaPg rejects as unsupported. Its values are plain strings, so report those
// columns as text (oid 25). Done per client (not by patching pg globally) so the app's pools are unaffected.
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg.Client#query has many overloads
  override query(...args: any[]): any {
    const fix = <R>(result: R): R => {
      for (const r of Array.isArray(result) ? result : [result]) {
        for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
          if (field.dataTypeID === 18) field.dataTypeID = 25;
        }
      }
      return result;
    };
    // pg.Pool#query calls client.query(config, values, callback); PrismaPg's transactions use the promise form.
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: Error | null, result?: unknown) => void;
      args[last] = (error: Error | null, result?: unknown) => callback(error, error ? result : fix(result));
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const returned: unknown = super.query(...(args as Parameters<pg.Client["query"]>));
    return returned instanceof Promise ? returned.then(fix) : returned;
  }
}

function poolConfig(url: string): pg.PoolConfig {
  const schema = new URL(url).searchParams.get("schema");
  return {
    connectionString: url,
    Client: CharAsTextClient,
    max: 2,
    // The engine checks for its tables in the URL's schema but runs the migration SQL unqualified, so the
    // search path must point there too (as the native engine's connection does).
    ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}),
  };
}

// `?schema=name` in the URL selects the PostgreSQL schema, as with the Prisma CLI.
function adapterOptions(url: string): { schema?: string } {
  const schema = new URL(url).searchParams.get("schema");
  return schema ? { schema } : {};
}

type AdapterSource = Pick<SqlMigrationAwareDriverAdapterFactory, "connect" | "connectToShadowDb">;

function track(
  provider: SqlMigrationAwareDriverAdapterFactory["provider"],
  adapterName: string,
  source: AdapterSource,
): TrackedFactory {
  const open = new Set<SqlDriverAdapter>();
  const remember = (adapter: SqlDriverAdapter) => {
    const dispose = adapter.dispose.bind(adapter);
    let done: Promise<void> | undefined;
    adapter.dispose = () => {
      open.delete(adapter);
      return (done ??= dispose());
    };
    open.add(adapter);
    return adapter;
  };
  return {
    provider,
    adapterName,
    connect: async () => remember(await source.connect()),
    connectToShadowDb: async () => remember(await source.connectToShadowDb()),
    async closeAll() {
      const results = await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
