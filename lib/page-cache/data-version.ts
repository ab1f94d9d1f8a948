import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { sqliteTransactions } from "@/lib/db/sqlite-adapter";

/**
 * The columns whose times change what a page shows without a write: a session, grant, link, invitation, token or
 * pending ingest stops (or, for a link's start, begins) being valid at that time. Every such column of every table
 * the data version covers (the tables with its triggers, see prisma/migrations/*_data_version) is listed; a test
 * checks the schema against this list.
 */
export const VALIDITY_COLUMNS = [
  { table: "Session", column: "expires" },
  { table: "VerificationToken", column: "expires" },
  { table: "ApiToken", column: "expiresAt" },
  { table: "WorkspaceInvitation", column: "expiresAt" },
  { table: "DatasetIngest", column: "expiresAt" },
  { table: "Share", column: "expiresAt" },
  { table: "ShareInvitation", column: "expiresAt" },
  { table: "AccessLink", column: "startsAt" },
  { table: "AccessLink", column: "expiresAt" },
] as const;

/**
 * The data version: grows with every committed write to a table a page can show (DataVersion's triggers). Throws
 * while a transaction is open on the app's SQLite connection (its uncommitted bump and rows are visible to every
 * statement on that connection, see sqliteTransactions) and when the row is missing (then nothing would move it):
 * the page cache then keeps and serves nothing.
 */
export async function readDataVersion(): Promise<string> {
  if (sqliteTransactions().open) throw new Error("a transaction is open on the database connection");
  const [row] = await getDb().$queryRaw<
    Array<{ version: bigint | number | string }>
  >`SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
  if (!row) throw new Error("the DataVersion row is missing");
  return String(row.version);
}

/**
 * How many transactions the app's SQLite connection has begun (0 on PostgreSQL, whose pooled connections never see
 * another's uncommitted rows): a render during which it changed may have read rows that were then rolled back.
 */
export function transactionMark(): number {
  return sqliteTransactions().begun;
}

/**
 * The first time after `now` at which a validity column (VALIDITY_COLUMNS) of any row is reached: until then, no
 * session, grant, link or invitation expires or starts by the clock alone. Infinity when none lies ahead.
 */
export async function nextValidityEnd(now: Date): Promise<number> {
  const parts = VALIDITY_COLUMNS.map(
    ({ table, column }) =>
      Prisma.sql`SELECT MIN(${Prisma.raw(`"${column}"`)}) AS "at" FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} > ${now}`,
  );
  const rows = await getDb().$queryRaw<Array<{ at: Date | string | number | null }>>(
    Prisma.sql`SELECT MIN("at") AS "at" FROM (${Prisma.join(parts, " UNION ALL ")}) AS "ends"`,
  );
  const at = rows[0]?.at;
  return at == null ? Infinity : new Date(at).getTime();
}

// How the app's server (scripts/page-cache.mjs, outside the build) reaches these two: through the global registry.
const SOURCE = Symbol.for("datashelf.pageCache.source");

/** Makes the data version and the validity bound available to the app's server's page cache. */
export function registerPageCacheSource(): void {
  (globalThis as unknown as Record<symbol, unknown>)[SOURCE] = { readDataVersion, nextValidityEnd, transactionMark };
}
