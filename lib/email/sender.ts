import { getDb } from "@/lib/db";
import { acquireLease, newLeaseHolder, releaseLease, renewLease } from "@/lib/db/lease";
import { OUTBOX_MAX_ATTEMPTS, outboxClaimMs, outboxLeaseMs, retryDelayMs } from "./config";
import { purgeOldMail } from "./retention";
import { redactTokenLinks } from "./redact";
import { deliver, LOCAL_PROVIDER_ID } from "./transport";
import { numberSetting } from "@/lib/config/number-settings";

const LEASE = "outbox-sender";
// A run stops after this many batches; the poll carries on with the rest.
const MAX_PASSES = 10;

export type DrainSummary = { sent: number; retried: number; failed: number; skipped: boolean };

type OutboxRow = NonNullable<Awaited<ReturnType<ReturnType<typeof getDb>["outbox"]["findFirst"]>>>;

/** The key Resend deduplicates on (for 24 h): one per message, the same on every attempt. */
export const idempotencyKey = (messageId: string): string => `datashelf-outbox-${messageId}`;

// Kicks that found a run already going; that run makes one more pass so their mail is not left to the next poll.
const state = globalThis as unknown as { outboxKickedDuringRun?: boolean; outboxTimer?: NodeJS.Timeout };

/**
 * Delivers every due outbox message. Rules, so a slow or failing provider never receives a
 * message twice:
 * - one run at a time across all processes: a non-re-entrant lease, renewed before each message;
 * - each message is claimed (status "sending", attempt counted) by a conditional update before it
 *   is handed to the provider; a claim left by a crashed sender is taken over after EMAIL_CLAIM_MS;
 * - every attempt at a message carries the same idempotency key, so a retry after a crash
 *   mid-send is deduplicated by the provider.
 * A failed attempt is rescheduled with exponential backoff and given up only after
 * OUTBOX_MAX_ATTEMPTS, so a provider outage delays mail but never loses it.
 */
export async function deliverDueEmails({ limit = 50 }: { limit?: number } = {}): Promise<DrainSummary> {
  const summary: DrainSummary = { sent: 0, retried: 0, failed: 0, skipped: false };
  const holder = newLeaseHolder();
  if (!(await acquireLease(LEASE, outboxLeaseMs(), holder))) {
    state.outboxKickedDuringRun = true;
    return { ...summary, skipped: true };
  }
  let again = false;
  // Each message at most once per run: a retry waits for a later run, as its backoff intends.
  const attempted: string[] = [];
  try {
    await purgeOldMail();
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      state.outboxKickedDuringRun = false;
      const due = await getDb().outbox.findMany({
        where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: new Date() }, id: { notIn: attempted } },
        orderBy: { nextAttemptAt: "asc" },
        take: limit,
      });
      for (const message of due) {
        if (!(await renewLease(LEASE, holder, outboxLeaseMs()))) return summary; // another run took over
        attempted.push(message.id);
        if (!(await claim(message))) continue;
        summary[await attempt(message)]++;
      }
      // Look again until nothing new is due: mail queued meanwhile (here or in another process,
      // whose kick found this run's lease) goes out in this run instead of waiting for a poll.
      if (due.length === 0 && !state.outboxKickedDuringRun) break;
    }
    return summary;
  } finally {
    again = state.outboxKickedDuringRun === true;
    await releaseLease(LEASE, holder);
    if (again) setImmediate(kickOutbox); // a kick slipped in between the last look and the release
  }
}

/** Takes the message for this run; false when it changed since it was read (someone else has it). */
async function claim(message: OutboxRow): Promise<boolean> {
  const claimed = await getDb().outbox.updateMany({
    where: { id: message.id, status: message.status, attempts: message.attempts, nextAttemptAt: message.nextAttemptAt },
    data: { status: "sending", attempts: message.attempts + 1, nextAttemptAt: new Date(Date.now() + outboxClaimMs()) },
  });
  return claimed.count === 1;
}

async function attempt(message: OutboxRow): Promise<"sent" | "retried" | "failed"> {
  const db = getDb();
  const attempts = message.attempts + 1;
  const result = await deliver(message, idempotencyKey(message.id));
  // Mail a provider took (or that will never go) keeps no working link; the local mailbox is the delivery itself.
  const redacted = { html: redactTokenLinks(message.html), text: redactTokenLinks(message.text) };
  if (result.ok) {
    await db.outbox.update({
      where: { id: message.id },
      data: {
        status: "sent",
        sentAt: new Date(),
        providerId: result.providerId,
        lastError: null,
        ...(result.providerId === LOCAL_PROVIDER_ID ? {} : redacted),
      },
    });
    return "sent";
  }
  if (attempts >= OUTBOX_MAX_ATTEMPTS) {
    await db.outbox.update({
      where: { id: message.id },
      data: { status: "failed", lastError: result.error, ...redacted },
    });
    return "failed";
  }
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts));
  await db.outbox.update({
    where: { id: message.id },
    data: { status: "pending", nextAttemptAt, lastError: result.error },
  });
  return "retried";
}

/** Starts delivery now without making the caller wait for the provider. */
export function kickOutbox(): void {
  deliverDueEmails().catch((error) => console.error("outbox delivery failed", error));
}

/** Polls the outbox so retries happen even when nothing new is queued. Started once per server. */
export function startOutboxWorker(intervalMs = numberSetting("EMAIL_POLL_MS")): void {
  if (state.outboxTimer) return;
  state.outboxTimer = setInterval(kickOutbox, intervalMs);
  state.outboxTimer.unref();
}
