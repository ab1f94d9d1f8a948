import { getDb } from "@/lib/db";
import { acquireLease, releaseLease } from "@/lib/db/lease";
import { OUTBOX_MAX_ATTEMPTS, retryDelayMs } from "./config";
import { deliver } from "./transport";

const LEASE = "outbox-sender";

export type DrainSummary = { sent: number; retried: number; failed: number; skipped: boolean };

/**
 * Delivers every due outbox message once. One sender at a time across all processes (lease row);
 * a failed attempt is rescheduled with exponential backoff and given up only after
 * OUTBOX_MAX_ATTEMPTS, so a provider outage delays mail but never loses it.
 */
export async function deliverDueEmails({ limit = 50 }: { limit?: number } = {}): Promise<DrainSummary> {
  const summary: DrainSummary = { sent: 0, retried: 0, failed: 0, skipped: false };
  if (!(await acquireLease(LEASE, 60_000))) return { ...summary, skipped: true };
  try {
    const db = getDb();
    const due = await db.outbox.findMany({
      where: { status: "pending", nextAttemptAt: { lte: new Date() } },
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
    });
    for (const message of due) {
      const attempts = message.attempts + 1;
      const result = await deliver(message);
      if (result.ok) {
        await db.outbox.update({
          where: { id: message.id },
          data: { status: "sent", attempts, sentAt: new Date(), providerId: result.providerId, lastError: null },
        });
        summary.sent++;
      } else if (attempts >= OUTBOX_MAX_ATTEMPTS) {
        await db.outbox.update({ where: { id: message.id }, data: { status: "failed", attempts, lastError: result.error } });
        summary.failed++;
      } else {
        const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts));
        await db.outbox.update({ where: { id: message.id }, data: { attempts, nextAttemptAt, lastError: result.error } });
        summary.retried++;
      }
    }
    return summary;
  } finally {
    await releaseLease(LEASE);
  }
}

/** Starts delivery now without making the caller wait for the provider. */
export function kickOutbox(): void {
  deliverDueEmails().catch((error) => console.error("outbox delivery failed", error));
}

const globalForWorker = globalThis as unknown as { outboxTimer?: NodeJS.Timeout };

/** Polls the outbox so retries happen even when nothing new is queued. Started once per server. */
export function startOutboxWorker(intervalMs = Number(process.env.EMAIL_POLL_MS || 5_000)): void {
  if (globalForWorker.outboxTimer) return;
  globalForWorker.outboxTimer = setInterval(kickOutbox, intervalMs);
  globalForWorker.outboxTimer.unref();
}
