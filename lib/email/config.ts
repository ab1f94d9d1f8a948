/** E-mail goes to the local mailbox (/mailbox) unless a Resend API key is configured. */
import { numberSetting } from "@/lib/config/number-settings";
export function isLocalMail(): boolean {
  return !process.env.RESEND_API_KEY;
}

export function mailFrom(): string {
  return process.env.EMAIL_FROM || "Datashelf <noreply@datashelf.local>";
}

/** The public base URL used in links inside e-mails. */
export function appUrl(): string {
  return (process.env.APP_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`).replace(
    /\/$/,
    "",
  );
}

export const OUTBOX_MAX_ATTEMPTS = numberSetting("EMAIL_MAX_ATTEMPTS");

/** Delay before retry n (1-based): base × 2^(n-1), capped at one hour. */
export function retryDelayMs(attempt: number): number {
  const base = numberSetting("EMAIL_RETRY_BASE_MS");
  return Math.min(base * 2 ** (attempt - 1), 3_600_000);
}

/** How long one sender run holds the outbox lease between renewals (it renews before each message). */
export const outboxLeaseMs = (): number => numberSetting("EMAIL_LEASE_MS");

/**
 * How long a claimed message is left alone before another run may take it over. Only a sender
 * that died mid-send leaves a claim behind; the retry reuses the message's idempotency key, so
 * the provider does not deliver it twice. Must exceed the slowest provider answer.
 */
export const outboxClaimMs = (): number => numberSetting("EMAIL_CLAIM_MS");

/** Sent and failed messages are deleted this many days after they were queued. */
export const outboxRetentionDays = (): number => numberSetting("OUTBOX_RETENTION_DAYS");
