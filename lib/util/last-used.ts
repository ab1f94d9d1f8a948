/**
 * How stale a "last used" time (an API token's, an access link's) may get before a use writes it again: to the
 * minute, so a client's burst of requests writes it once, not once per request.
 */
export const LAST_USED_STEP_MS = 60_000;

/** Whether a use at `now` must write "last used" (never written, or at least LAST_USED_STEP_MS old). */
export function lastUseDue(lastUsedAt: Date | string | null, now: number): boolean {
  return lastUsedAt === null || now - new Date(lastUsedAt).getTime() >= LAST_USED_STEP_MS;
}
