import "server-only";
import type { Actor } from "@/lib/access";
import { actorWorkspaceIds } from "@/lib/access/grantee-keys";
import { type Db, type Tx, getDb } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import { numberSetting } from "@/lib/config/number-settings";

/** At most this many distinct external addresses e-mailed by one sender's shares per hour (SHARE_MAIL_MAX_PER_HOUR). */
export const shareMailMaxPerHour = () => numberSetting("SHARE_MAIL_MAX_PER_HOUR");
/** ... and per 24 hours (SHARE_MAIL_MAX_PER_DAY). */
export const shareMailMaxPerDay = () => numberSetting("SHARE_MAIL_MAX_PER_DAY");
/** "Resend" to one address again only after this many minutes (SHARE_RESEND_MINUTES). */
export const shareResendMinutes = () => numberSetting("SHARE_RESEND_MINUTES");

const HOUR = 3_600_000;

/** The addresses among `emails` that are external to the sender: nobody in a workspace the sender belongs to. */
async function externalAddresses(db: Db | Tx, sender: Actor, emails: string[]): Promise<string[]> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return [];
  const workspaceIds = await actorWorkspaceIds(sender);
  const insiders = await db.user.findMany({
    where: {
      email: { in: wanted },
      OR: [
        { ownedWorkspaces: { some: { id: { in: workspaceIds } } } },
        { memberships: { some: { workspaceId: { in: workspaceIds } } } },
      ],
    },
    select: { email: true },
  });
  const inside = new Set(insiders.map((u) => u.email));
  return wanted.filter((e) => !inside.has(e) && e !== sender.email.toLowerCase());
}

/** The distinct external addresses the sender's share e-mails went to since `since`. */
async function addressesSince(db: Db | Tx, sender: Actor, since: Date): Promise<Set<string>> {
  const rows = await db.shareMailLog.findMany({
    where: { senderId: sender.id, createdAt: { gte: since } },
    select: { email: true },
    distinct: ["email"],
  });
  return new Set(
    await externalAddresses(
      db,
      sender,
      rows.map((r) => r.email),
    ),
  );
}

/**
 * Rule (the server is no mail cannon): one sender's share and invitation e-mails reach at most
 * SHARE_MAIL_MAX_PER_HOUR distinct external addresses per hour and SHARE_MAIL_MAX_PER_DAY per day;
 * going over refuses the whole request with `rate_limited` (429) and a message saying so. People
 * in the sender's own workspaces do not count. Call before writing anything.
 */
export async function assertShareMailAllowed(sender: Actor, emails: string[]): Promise<void> {
  const db = getDb();
  const external = await externalAddresses(db, sender, emails);
  if (external.length === 0) return;
  const now = Date.now();
  for (const [window, limit, span] of [
    [HOUR, shareMailMaxPerHour(), "hour"],
    [24 * HOUR, shareMailMaxPerDay(), "day"],
  ] as const) {
    const seen = await addressesSince(db, sender, new Date(now - window));
    const fresh = external.filter((e) => !seen.has(e)).length;
    if (fresh > 0 && seen.size + fresh > limit) {
      throw new AppError(
        "rate_limited",
        `You can e-mail at most ${limit} new people outside your workspaces per ${span} when sharing, and this would make ${seen.size + fresh}. Try again later, or share with fewer people.`,
      );
    }
  }
}

/**
 * Rule: "Resend" e-mails one address at most once every SHARE_RESEND_MINUTES per sender, and
 * counts towards the limits above.
 */
export async function assertResendAllowed(sender: Actor, email: string): Promise<void> {
  const recent = await getDb().shareMailLog.findFirst({
    where: {
      senderId: sender.id,
      email: email.toLowerCase(),
      createdAt: { gte: new Date(Date.now() - shareResendMinutes() * 60_000) },
    },
    select: { id: true },
  });
  // never the address itself: the sharer may know this person by username only
  if (recent)
    throw new AppError(
      "rate_limited",
      `An e-mail about this went to that person a moment ago. You can send it again after ${shareResendMinutes()} minutes.`,
    );
  await assertShareMailAllowed(sender, [email]);
}

/** Records a share e-mail in the caller's transaction (with the outbox row), for the limits above. */
export async function logShareMail(tx: Tx, senderId: string, email: string): Promise<void> {
  await tx.shareMailLog.create({ data: { senderId, email: email.toLowerCase() } });
}
