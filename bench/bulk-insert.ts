// Seeding a million rows through Prisma's createMany takes about ten minutes per database here
// (~3,500 rows/s); the benchmarks seed through the drivers instead, with every column given
// explicitly (Prisma fills ids and @updatedAt on the client, and SQLite keeps dates as the
// ISO text Prisma writes). Only the benchmarks use this: the product never writes raw SQL.
import Database from "better-sqlite3";
import pg from "pg";
import { providerOfUrl, sqlitePath } from "@/lib/db/config";

export type Row = Record<string, string | number | bigint | boolean | Date | null>;

export interface BulkWriter {
  insert(table: string, rows: Row[]): Promise<void>;
  /** Done writing (PostgreSQL: vacuumed and analysed). */
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

function sqliteValue(v: Row[string]) {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

function postgresValue(v: Row[string]) {
  if (v instanceof Date) return v.toISOString(); // timestamp(3) without time zone: the Z is ignored, UTC kept
  if (typeof v === "bigint") return v.toString();
  return v;
}

function openSqlite(url: string): BulkWriter {
  const db = new Database(sqlitePath(url));
  db.pragma("journal_mode = WAL");
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const statement = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
      db.transaction(() => {
        for (const row of rows) statement.run(columns.map((c) => sqliteValue(row[c] ?? null)));
      })();
    },
    async close() {
      db.close();
    },
  };
}

async function openPostgres(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const perStatement = Math.floor(60_000 / columns.length); // PostgreSQL allows 65,535 parameters
      for (let start = 0; start < rows.length; start += perStatement) {
        const batch = rows.slice(start, start + perStatement);
        const values: unknown[] = [];
        const tuples = batch.map(
          (row) => `(${columns.map((c) => `$${values.push(postgresValue(row[c] ?? null))}`).join(", ")})`,
        );
        await client.query(
          `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`,
          values,
        );
      }
    },
    async close() {
      // What autovacuum would do in the next minutes (statistics, visibility map), done now: the
      // figures are for a settled database, not one being vacuumed while it is measured.
      await client.query("VACUUM ANALYZE");
      await client.end();
    },
  };
}

/** A writer straight to the database at `url` (SQLite file or PostgreSQL). */
export async function openBulkWriter(url: string): Promise<BulkWriter> {
  return providerOfUrl(url) === "sqlite" ? openSqlite(url) : openPostgres(url);
}
