import "server-only";
import { getDb } from "@/lib/db";

export const API_RATE_LIMIT = Number(process.env.API_RATE_LIMIT_PER_MINUTE || 600);

/**
 * Fixed one-minute window per key (e.g. an API token), counted in the database so every instance
 * shares it. Returns the seconds to wait when the limit is exceeded, else 0.
 */
export async function hitRateLimit(key: string, limit = API_RATE_LIMIT, windowMs = 60_000, now = new Date()): Promise<number> {
  const db = getDb();
  const row = await db.throttle.findUnique({ where: { key } });
  if (!row || now.getTime() - row.windowStart.getTime() >= windowMs) {
    await db.throttle.upsert({ where: { key }, create: { key, failures: 1, windowStart: now }, update: { failures: 1, windowStart: now } });
    return 0;
  }
  const updated = await db.throttle.update({ where: { key }, data: { failures: { increment: 1 } } });
  if (updated.failures <= limit) return 0;
  return Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 1000));
}
