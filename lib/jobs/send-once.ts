import "server-only";
import { type AuditInput, recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/outbox";
import { isUniqueViolation } from "@/lib/util/prisma-errors";

/**
 * Queues one e-mail of a periodic job at most once per `key`, whatever the number of runs. Rule:
 * the send is recorded (JobSend) in the same transaction as the outbox row, so either both exist
 * or neither does: a crash before the commit leaves nothing (the next run sends), a crash after
 * it leaves the record (the next run skips), and two runs at once collide on the key and only
 * one commits. `render` runs only when the key is still free; `audit` is recorded with the send.
 */
export async function sendOnce(
  job: string,
  key: string,
  render: () => Promise<OutgoingEmail>,
  audit?: AuditInput,
): Promise<boolean> {
  const db = getDb();
  if (await db.jobSend.findUnique({ where: { key }, select: { key: true } })) return false;
  const email = await render();
  try {
    await db.$transaction(async (tx) => {
      await tx.jobSend.create({ data: { key, job } });
      await enqueueEmail(tx, email);
      if (audit) await recordAudit(tx, audit);
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
