import "server-only";
import { getDb } from "@/lib/db";
import { numberSetting } from "@/lib/config/number-settings";

/** Requests per user (or anonymous client address) per minute: API_RATE_LIMIT_PER_MINUTE, default 600. */
export function apiRateLimit(): number {
  return numberSetting("API_RATE_LIMIT_PER_MINUTE");
}

/** How often counted requests are added to the shared counters: RATE_LIMIT_FLUSH_MS, default 1000. */
function flushDelayMs(): number {
  return numberSetting("RATE_LIMIT_FLUSH_MS");
}

const WINDOW_MS = 60_000;

/** One key's fixed window as this process sees it: `shared` is the total of all instances at the last flush. */
type Window = { start: number; shared: number; pending: number };

const state = globalThis as unknown as {
  datashelfRateWindows?: Map<string, Window>;
  datashelfRateFlush?: ReturnType<typeof setTimeout>;
};
const windows = (state.datashelfRateWindows ??= new Map());

/**
 * Counts one request for `key` (e.g. "user:<id>") in a fixed one-minute window and returns the
 * seconds to wait when the limit is exceeded, else 0. Rule: counting never touches the database
 * on the request's path and can never fail a request. Counts are kept in memory and added to
 * the shared Throttle row in the background (every RATE_LIMIT_FLUSH_MS), from which each
 * instance learns the others' counts; windows are aligned to the clock so every instance uses
 * the same one. When the database cannot be written the limit still holds per process.
 */
export function hitRateLimit(key: string, limit = apiRateLimit(), now = Date.now()): number {
  const start = now - (now % WINDOW_MS);
  let window = windows.get(key);
  if (!window || window.start !== start) {
    window = { start, shared: 0, pending: 0 };
    windows.set(key, window);
  }
  window.pending += 1;
  scheduleFlush();
  if (window.shared + window.pending <= limit) return 0;
  return Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
}

function scheduleFlush(): void {
  if (state.datashelfRateFlush) return;
  state.datashelfRateFlush = setTimeout(() => {
    state.datashelfRateFlush = undefined;
    void flushRateLimits();
  }, flushDelayMs());
  state.datashelfRateFlush.unref?.();
}

let lastFailureLog = 0;

/** Adds the counts not yet written to the shared counters and reads back every instance's total. */
export async function flushRateLimits(now = Date.now()): Promise<void> {
  const db = getDb();
  for (const [key, window] of windows) {
    if (now - window.start >= WINDOW_MS) {
      windows.delete(key);
      continue;
    }
    const pending = window.pending;
    if (pending === 0) continue;
    window.pending = 0;
    const id = `rate:${key}`;
    const windowStart = new Date(window.start);
    try {
      const row = await db.throttle.findUnique({ where: { key: id } });
      const updated =
        row && row.windowStart.getTime() === window.start
          ? await db.throttle.update({ where: { key: id }, data: { failures: { increment: pending } } })
          : await db.throttle.upsert({
              where: { key: id },
              create: { key: id, failures: pending, windowStart },
              update: { failures: pending, windowStart },
            });
      window.shared = Math.max(window.shared + pending, updated.failures);
    } catch (error) {
      // The request was answered already; keep the count here and try again with the next flush.
      window.pending += pending;
      if (now - lastFailureLog > 60_000) {
        lastFailureLog = now;
        console.error("rate limit: could not write the shared counters; counting in this process only", error);
      }
    }
  }
}

/** Forgets this process's counts (tests). */
export function resetRateLimits(): void {
  windows.clear();
}
