// `npm run db:migrate`: `prisma migrate deploy` for DATABASE_URL (SQLite file or PostgreSQL), through the
// WASM schema engine. Other code (the CLI) should call applyMigrations from lib/db/migrations/engine directly.
import { pathToFileURL } from "node:url";
import { databaseUrl } from "../../lib/db/config";
import { backfillSearchText } from "../../lib/catalog/search-backfill";
import { createDb } from "../../lib/db";
import { applyMigrations } from "../../lib/db/migrations/engine";

/** Data written before the current search folding gets it (idempotent; nothing to do on later runs). */
async function backfillSearch(url: string): Promise<number> {
  const db = createDb(url);
  try {
    return await backfillSearchText(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Applies pending migrations to `url` (default: DATABASE_URL, else the app's SQLite file
 * file:./data/datashelf.db, via lib/db/config) and reports them on stdout.
 */
export async function migrate(url = databaseUrl()): Promise<string[]> {
  const { applied } = await applyMigrations(url);
  const rewritten = await backfillSearch(url);
  if (rewritten > 0) console.log(`Rewrote the search text of ${rewritten} dataset(s) (accent folding).`);
  const where = url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  if (applied.length === 0) console.log(`Database is up to date (${where}).`);
  else console.log(`Applied ${applied.length} migration(s) to ${where}:\n${applied.map((n) => `  ${n}`).join("\n")}`);
  return applied;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  migrate().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
