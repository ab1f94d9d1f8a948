import { getDb } from "@/lib/db";
import { outboxRetentionDays } from "./config";

const PURGE_EVERY_MS = 3_600_000;
const state = globalThis as unknown as { outboxPurgedAt?: number };

/**
 * Rule: sent and failed mail is deleted OUTBOX_RETENTION_DAYS after it was queued. Runs from the
 * sender at most hourly per process (the poll would otherwise scan the table every few seconds).
 */
export async function purgeOldMail(now = new Date(), { force = false }: { force?: boolean } = {}): Promise<number> {
  if (!force && state.outboxPurgedAt && now.getTime() - state.outboxPurgedAt < PURGE_EVERY_MS) return 0;
  state.outboxPurgedAt = now.getTime();
  const cutoff = new Date(now.getTime() - outboxRetentionDays() * 86_400_000);
  const purged = await getDb().outbox.deleteMany({
    where: { status: { in: ["sent", "failed"] }, createdAt: { lt: cutoff } },
  });
  return purged.count;
}
