import type Database from "better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Makes every interactive transaction on SQLite begin with BEGIN IMMEDIATE instead of a deferred
 * BEGIN. A deferred transaction that reads and then writes cannot wait for another process's
 * write: SQLite refuses the upgrade at once (SQLITE_BUSY) because its snapshot went stale. Taking
 * the write lock up front lets the busy timeout do its job, so a transaction next to a busy
 * writer (the CLI beside the server, two server processes) waits instead of failing.
 * The Prisma adapter hard-codes "BEGIN", so its connection's `prepare` is redirected for that
 * one statement.
 */
export function withImmediateTransactions(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter) => {
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
