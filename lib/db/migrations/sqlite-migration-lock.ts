// One migration at a time per SQLite file, across processes (two `npm start`s, the CLI beside a server).
// Prisma's engine gets that by putting the database in EXCLUSIVE locking mode, which also locks out every
// other connection, including a running server's (see adapters.ts). We lock a sidecar file instead: an
// EXCLUSIVE transaction on `<db>.migrate-lock`, which the operating system releases if the process dies.
import Database from "better-sqlite3";
import { numberSetting } from "@/lib/config/number-settings";

export const LOCK_SUFFIX = ".migrate-lock";

const POLL_MS = 200;

/** How long a migration waits for a busy database or another migration: DB_MIGRATE_WAIT_SECONDS (default 120). */
export function migrateWaitMs(): number {
  return numberSetting("DB_MIGRATE_WAIT_SECONDS") * 1000;
}

/**
 * Runs `fn` while holding the migration lock of the SQLite database `file`. Waits (without blocking the
 * event loop) up to `waitMs` for another process's migration to finish, then fails with a clear message.
 */
export async function withSqliteMigrationLock<T>(
  file: string,
  fn: () => Promise<T>,
  waitMs = migrateWaitMs(),
): Promise<T> {
  const lock = new Database(`${file}${LOCK_SUFFIX}`, { timeout: 0 });
  try {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        lock.exec("BEGIN EXCLUSIVE");
        break;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) {
          throw new Error(
            `Another process has been migrating ${file} for more than ${Math.round(waitMs / 1000)} s ` +
              "(raise DB_MIGRATE_WAIT_SECONDS to wait longer).",
            { cause: error },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    return await fn();
  } finally {
    lock.close(); // ends the transaction, releasing the lock
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
