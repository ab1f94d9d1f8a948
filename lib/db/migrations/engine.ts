// Migrations for both databases, without the Prisma CLI's native schema engine (which cannot be downloaded
// here): the same WASM engine, the same folder layout, the same `_prisma_migrations` table. SQLite
// migrations live in prisma/migrations, PostgreSQL ones in prisma/postgresql/migrations; both are generated
// from the single prisma/schema.prisma. Plain module (no "server-only"): used by tsx scripts, the CLI and Vitest.
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { SQLITE_SCHEMA, postgresSchemaFrom } from "../../../scripts/db/schema-variants.mjs";
import { pgFactory, sqliteFactory, type TrackedFactory } from "./adapters";
import { installPgDataVersionTriggers } from "./pg-data-version";
import { lockfileText, migrationSlug, migrationTimestamp, readMigrations, writeMigration } from "./files";
import { migrateWaitMs, withSqliteMigrationLock } from "./sqlite-migration-lock";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./pg-cluster";
import { withEngine } from "./wasm";

export type Provider = "sqlite" | "postgresql";

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `Unsupported database URL "${redact(url)}": expected "file:<path>" (SQLite) or "postgresql://…" (PostgreSQL).`,
  );
}

export function migrationsDir(provider: Provider): string {
  return path.join(ROOT, provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations");
}

/**
 * The schema text for a provider. The PostgreSQL one is derived in memory (not read from the generated
 * prisma/postgresql/schema.prisma) so a stale or missing generated file can never produce a wrong migration.
 */
export async function schemaFor(provider: Provider): Promise<string> {
  const text = await readFile(path.join(ROOT, SQLITE_SCHEMA), "utf8");
  return provider === "sqlite" ? text : postgresSchemaFrom(text);
}

/**
 * SQLite path of a `file:` URL. Relative paths are relative to the working directory, as with the
 * better-sqlite3 adapter the app uses (not to the schema file, as Prisma 6 did).
 */
export function sqliteFilePath(url: string): string {
  const rest = url.slice("file:".length).replace(/\?.*$/, "");
  if (rest === ":memory:") return rest;
  return path.resolve(rest.startsWith("//") ? fileURLToPath(`file:${rest}`) : rest);
}

/**
 * `prisma migrate deploy`: applies pending migrations, records them in `_prisma_migrations`. Idempotent.
 * `upTo` (a migration folder name) stops after that migration, to build a database as an older release left it.
 */
export async function applyMigrations(url: string, { upTo }: { upTo?: string } = {}): Promise<{ applied: string[] }> {
  const provider = providerOf(url);
  let factory: TrackedFactory;
  let serialized = <T>(fn: () => Promise<T>) => fn();
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    if (file !== ":memory:") {
      mkdirSync(path.dirname(file), { recursive: true });
      serialized = (fn) =>
        withSqliteMigrationLock(file, fn).catch((error: unknown) => Promise.reject(busyError(file, error)));
    }
    factory = sqliteFactory(file);
  } else {
    factory = pgFactory(url, () => {
      // applyMigrations never needs one; fail loudly rather than start a server if that ever changes.
      throw new Error("applyMigrations unexpectedly asked for a shadow database");
    });
  }
  const migrationsList = await readMigrations(migrationsDir(provider));
  if (upTo !== undefined) {
    const dirs = migrationsList.migrationDirectories;
    if (!dirs.some((d) => d.path === upTo)) throw new Error(`No migration named "${upTo}"`);
    migrationsList.migrationDirectories = dirs.filter((d) => d.path.localeCompare(upTo) <= 0);
  }
  const schema = await schemaFor(provider);
  // The connections close before the lock is released, so the next migration starts from a quiet file.
  const result = await serialized(async () => {
    try {
      return await withEngine(schema, factory, (engine) =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      );
    } finally {
      await factory.closeAll();
    }
  });
  if (provider === "postgresql") await installPgDataVersionTriggers(url);
  return { applied: result.appliedMigrationNames };
}

// The engine renders SQLITE_BUSY (see shareTheDatabase in adapters.ts) as a network "Socket timeout"; say what it is.
function busyError(file: string, error: unknown): unknown {
  if (!(error instanceof Error) || !/^Socket timeout/.test(error.message)) return error;
  return new Error(
    `database is locked: another process kept its write lock on ${path.basename(file)} for more than ` +
      `${Math.round(migrateWaitMs() / 1000)} s (raise DB_MIGRATE_WAIT_SECONDS to wait longer)`,
    { cause: error },
  );
}

/**
 * The SQL that would bring a database built from the committed migrations up to the current schema:
 * "" when they are in sync. For PostgreSQL this replays the migrations on a scratch database (see
 * shadowServer below).
 */
export async function diffMigrationsToSchema(provider: Provider): Promise<string> {
  const shadow = shadowServer();
  try {
    return await diff(provider, shadow);
  } finally {
    shadow.stop();
  }
}

/**
 * `prisma migrate dev --create-only --name <name>` for both providers at once: writes
 * `<timestamp>_<slug>/migration.sql` (same timestamp for both) and the lockfile in each migrations folder
 * whose migrations are behind the schema. Creates nothing when both are in sync.
 */
export async function createMigration(name: string): Promise<{ created: { provider: Provider; dir: string }[] }> {
  const slug = migrationSlug(name);
  if (!slug) throw new Error(`Invalid migration name "${name}": use letters and digits, e.g. "add_workspace_topics".`);
  const shadow = shadowServer();
  let scripts: { provider: Provider; script: string }[];
  try {
    // Both diffs before writing anything, so a failure (e.g. no PostgreSQL) leaves no half-made migration.
    scripts = [];
    for (const provider of PROVIDERS) scripts.push({ provider, script: await diff(provider, shadow) });
  } finally {
    shadow.stop();
  }
  const dirName = `${migrationTimestamp()}_${slug}`;
  const created: { provider: Provider; dir: string }[] = [];
  for (const { provider, script } of scripts) {
    if (!script) continue;
    created.push({ provider, dir: await writeMigration(migrationsDir(provider), dirName, script, provider) });
  }
  return { created };
}

async function diff(provider: Provider, shadow: ShadowServer): Promise<string> {
  const migrations = await readMigrations(migrationsDir(provider));
  const schema = await schemaFor(provider);
  // Always diff from the migrations (replayed on a shadow database), even when there are none yet, as
  // `prisma migrate dev` does: from { tag: "empty" } the PostgreSQL script would start with a
  // `CREATE SCHEMA "public"` that migrate dev never writes. The engine requires a lockfile; before the
  // first migration there is none, so pass the one we are about to write.
  const from: DiffTarget = {
    tag: "migrations",
    ...migrations,
    lockfile: { ...migrations.lockfile, content: migrations.lockfile.content ?? lockfileText(provider) },
  };
  // The engine needs a "main" database even for a diff. SQLite: an in-memory one. PostgreSQL: it only reads
  // server metadata from it (version, search path), so the shadow server's own admin database serves.
  const factory = provider === "sqlite" ? sqliteFactory(":memory:") : pgFactory(await shadow.url(), shadow.url);
  try {
    const result = await withEngine(schema, factory, (engine) =>
      engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
        script: true,
        exitCode: true, // 2 = differences, 0 = in sync
        filters: NO_FILTERS,
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await factory.closeAll();
  }
}

interface ShadowServer {
  url(): Promise<string>;
  stop(): void;
}

/**
 * The PostgreSQL server on which shadow databases (scratch databases that replay the committed
 * migrations) are created: SHADOW_DATABASE_URL, else TEST_DATABASE_URL (the role needs CREATEDB; only a
 * uniquely named scratch database is created and dropped, nothing else is touched), else a throwaway
 * cluster started on first use and stopped by stop().
 */
function shadowServer(): ShadowServer {
  let cluster: ThrowawayPostgres | undefined;
  return {
    url: async () => {
      const configured = process.env.SHADOW_DATABASE_URL || process.env.TEST_DATABASE_URL;
      if (!configured) return (cluster ??= startThrowawayPostgres()).url;
      if (providerOf(configured) !== "postgresql") {
        throw new Error("SHADOW_DATABASE_URL / TEST_DATABASE_URL must be a postgresql:// URL");
      }
      return configured;
    },
    stop: () => cluster?.stop(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
