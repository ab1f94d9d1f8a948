import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { numberSetting } from "@/lib/config/number-settings";

/** Limits on sign-in e-mail; each is an environment setting (docs/security.md). */
export function signInMailLimits() {
  return {
    perAddress: numberSetting("SIGNIN_MAIL_PER_ADDRESS"),
    perClient: numberSetting("SIGNIN_MAIL_PER_CLIENT"),
    windowMs: numberSetting("SIGNIN_MAIL_WINDOW_MINUTES") * 60_000,
  };
}

export class SignInMailLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", "Too many sign-in e-mails were asked for. Wait a few minutes, then ask for a new link.");
  }
}

/** The address as next-auth's e-mail provider normalises it, so spellings of one address share a limit. */
export function normaliseSignInAddress(address: string): string {
  const [local = "", domain = ""] = address.toLowerCase().trim().split("@");
  return `${local}@${domain.split(",")[0]}`;
}

/**
 * Rule: at most SIGNIN_MAIL_PER_CLIENT sign-in e-mails per client address and
 * SIGNIN_MAIL_PER_ADDRESS per e-mail address in each SIGNIN_MAIL_WINDOW_MINUTES window. Counts the
 * request before any mail is queued (so simultaneous requests cannot all pass a check made
 * before any was counted) and throws SignInMailLimited when a limit is used up. A request the
 * client limit refuses does not use up the address's allowance.
 */
export async function reserveSignInMail(
  { email, client }: { email: string; client: string },
  now = new Date(),
): Promise<void> {
  const { perAddress, perClient, windowMs } = signInMailLimits();
  // Without a known client address (a server that does not pass the socket's, e.g. a bare
  // `next start`) there is no per-client bucket: one shared bucket would let anyone lock
  // everybody out. The per-address limit still holds.
  if (client !== "unknown") await count(`signin-mail:client:${client}`, perClient, windowMs, now);
  await count(`signin-mail:address:${normaliseSignInAddress(email)}`, perAddress, windowMs, now);
}

/** One more in the key's fixed window; throws when that makes more than `limit`. */
async function count(key: string, limit: number, windowMs: number, now: Date): Promise<void> {
  const db = getDb();
  if (!(await db.throttle.findUnique({ where: { key }, select: { key: true } }))) {
    try {
      await db.throttle.create({ data: { key, failures: 0, windowStart: now } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a simultaneous request created it
    }
  }
  // Each step is one conditional or atomic statement, so simultaneous requests get distinct
  // counts (on SQLite and PostgreSQL alike) and only one of them restarts an expired window.
  await db.throttle.updateMany({
    where: { key, windowStart: { lte: new Date(now.getTime() - windowMs) } },
    data: { failures: 0, windowStart: now },
  });
  const row = await db.throttle.update({ where: { key }, data: { failures: { increment: 1 } } });
  if (row.failures > limit) {
    throw new SignInMailLimited(Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 1000)));
  }
}
