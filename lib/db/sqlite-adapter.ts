import type Database from "better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

type Statement = Database.Statement<unknown[], unknown>;

/** What Prisma's SQLite adapter does with a prepared statement (see its performIO/executeIO). */
type BoundStatement = Pick<Statement, "reader" | "columns"> & {
  raw(): { all(): unknown[] };
  run(): Database.RunResult;
};

const CACHED_STATEMENTS = 256;

/**
 * Two changes to how Prisma's SQLite adapter uses its connection, made where it prepares SQL
 * (the adapter hard-codes both, so its connection's `prepare` is wrapped):
 *
 * - Interactive transactions begin with BEGIN IMMEDIATE instead of a deferred BEGIN. A deferred
 *   transaction that reads and then writes cannot wait for another process's write: SQLite
 *   refuses the upgrade at once (SQLITE_BUSY) because its snapshot went stale. Taking the write
 *   lock up front lets the busy timeout do its job, so a transaction next to a busy writer (the
 *   CLI beside the server, a second server process) waits instead of failing.
 * - Compiled statements are reused (the most recent 256 texts). The adapter prepares every query
 *   afresh, which for the access check's grant query costs as much as running it.
 */
// Every connection this module tuned, and how many transactions they began: what the page cache checks (see
// sqliteTransactions).
const connections = new Set<Database.Database>();
let transactionsBegun = 0;

/**
 * Whether a transaction is open on an app's SQLite connection now, and how many were begun so far. Statements outside
 * a transaction run on the same connection as the transaction (the adapter has one), so while one is open they see its
 * uncommitted rows, rolled back or not: the page cache (lib/page-cache/data-version.ts) keeps no page rendered beside
 * a transaction.
 */
export function sqliteTransactions(): { open: boolean; begun: number } {
  let open = false;
  for (const connection of connections) if (connection.open && connection.inTransaction) open = true;
  return { open, begun: transactionsBegun };
}

export function tuneSqliteAdapter(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter) => {
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client) as (sql: string) => Statement;
    const cache = new Map<string, Statement>();
    const compiled = (sql: string): Statement => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-inserted below: most recently used last
      } else {
        statement = prepare(sql);
        if (cache.size >= CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    };
    // A cached statement is shared, so arguments are passed on each call instead of bound to it.
    const bindable = (sql: string) => ({
      bind(args: unknown[]): BoundStatement {
        const statement = compiled(sql);
        return {
          reader: statement.reader,
          columns: () => statement.columns(),
          raw: () => ({ all: () => statement.raw(true).all(...args) }),
          run: () => statement.run(...args),
        };
      },
      run: () => compiled(sql).run(),
    });
    connections.add(client);
    client.prepare = ((sql: string) => {
      if (sql !== "BEGIN") return bindable(sql);
      const begin = bindable("BEGIN IMMEDIATE");
      return {
        ...begin,
        run: () => {
          transactionsBegun++;
          return begin.run();
        },
      };
    }) as unknown as typeof client.prepare;
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
