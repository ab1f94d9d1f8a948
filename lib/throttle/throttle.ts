import "server-only";
import { getDb } from "@/lib/db";
import { numberSetting } from "@/lib/config/number-settings";

export const THROTTLE_WINDOW_MS = 30 * 60_000;
export const THROTTLE_MAX_FAILURES = numberSetting("LINK_MAX_FAILURES");

export type ThrottleState = { blocked: boolean; failures: number; retryAfterSeconds: number };

async function current(key: string, now: Date) {
  const row = await getDb().throttle.findUnique({ where: { key } });
  if (!row || now.getTime() - row.windowStart.getTime() > THROTTLE_WINDOW_MS) return null;
  return row;
}

/** Failures counted under `key` in the current 30-minute window (0 when the window has passed). */
export async function failureCount(key: string, now = new Date()): Promise<number> {
  return (await current(key, now))?.failures ?? 0;
}

/**
 * Whether a client (e.g. "link:<ip>") has used up its failures in the current 30-minute window.
 * Counters live in the database so every instance sees them; keys are per client address, so
 * one guesser never locks out other users of the same link.
 */
export async function checkThrottle(key: string, now = new Date()): Promise<ThrottleState> {
  const row = await current(key, now);
  const failures = row?.failures ?? 0;
  const retryAfterSeconds = row
    ? Math.ceil((row.windowStart.getTime() + THROTTLE_WINDOW_MS - now.getTime()) / 1000)
    : 0;
  return { blocked: failures >= THROTTLE_MAX_FAILURES, failures, retryAfterSeconds };
}

/** Counts a failure under `key` and returns the failures in the window, this one included. */
export async function countFailure(key: string, now = new Date()): Promise<number> {
  const db = getDb();
  const row = await current(key, now);
  const updated = row
    ? await db.throttle.update({ where: { key }, data: { failures: { increment: 1 } } })
    : await db.throttle.upsert({
        where: { key },
        create: { key, failures: 1, windowStart: now },
        update: { failures: 1, windowStart: now },
      });
  return updated.failures;
}

/** Exponential delay for the n-th failure (1-based): 250 ms doubling, at most LINK_MAX_DELAY_MS (8 s). */
export function failureDelayMs(n: number): number {
  if (n <= 0) return 0;
  return Math.min(250 * 2 ** Math.min(n - 1, 20), numberSetting("LINK_MAX_DELAY_MS"));
}

/** Counts a failure and returns how long to delay the answer (see failureDelayMs). */
export async function recordFailure(key: string, now = new Date()): Promise<number> {
  return failureDelayMs(await countFailure(key, now));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
