// PostgreSQL's data-version triggers (see DataVersion in prisma/schema.prisma and lib/page-cache/data-version.ts).
// Plain module (no "server-only"): applied with the migrations, by tsx scripts, the CLI and Vitest.
import pg from "pg";

/** The tables no page shows, written at request rate: they move no data version (as in SQLite's migration). */
export const UNVERSIONED_TABLES = ["_prisma_migrations", "DataVersion", "Throttle", "Lease"];

// Any constant: two instances starting at once give the tables their triggers one after the other.
const INSTALL_LOCK = 461_937_205;

/**
 * Rule: after the migrations, every table of the database's schema but UNVERSIONED_TABLES has the two triggers that
 * move the data version: a deferred constraint trigger on every row written (the function bumps the version once
 * per transaction, at commit) and a statement trigger on TRUNCATE. Made here, not in a migration, because Prisma's
 * schema engine panics on introspecting a constraint trigger, and it introspects what the migrations build whenever
 * a migration is made or checked. Only missing triggers are made, so a table a later migration adds gets its own on
 * the next start. Nothing is done on a database without the DataVersion table (migrated only up to an older
 * migration). Returns the tables given a trigger.
 */
export async function installPgDataVersionTriggers(url: string): Promise<string[]> {
  const schema = new URL(url).searchParams.get("schema");
  const client = new pg.Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}),
  });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [INSTALL_LOCK]);
    const tables = (
      await client.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
      )
    ).rows.map((r) => r.name);
    if (!tables.includes("DataVersion")) {
      await client.query("ROLLBACK");
      return [];
    }
    const existing = new Set(
      (
        await client.query<{ name: string }>(`SELECT t.tgname AS name FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND NOT t.tgisinternal`)
      ).rows.map((r) => r.name),
    );
    const given: string[] = [];
    for (const table of tables) {
      if (UNVERSIONED_TABLES.includes(table)) continue;
      const name = (suffix: string) => client.escapeIdentifier(`${table}_data_version${suffix}`);
      const on = client.escapeIdentifier(table);
      if (!existing.has(`${table}_data_version`))
        await client.query(`CREATE CONSTRAINT TRIGGER ${name("")} AFTER INSERT OR UPDATE OR DELETE ON ${on}
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"()`);
      if (!existing.has(`${table}_data_version_truncate`))
        await client.query(`CREATE TRIGGER ${name("_truncate")} AFTER TRUNCATE ON ${on}
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"()`);
      if (!existing.has(`${table}_data_version`) || !existing.has(`${table}_data_version_truncate`)) given.push(table);
    }
    await client.query("COMMIT");
    return given;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
