import type { Tx } from "@/lib/db";
import type { RenderedEmail } from "./render";

export type OutgoingEmail = RenderedEmail & { to: string; kind: string };

/**
 * Queues an e-mail inside the caller's transaction: the message exists exactly when the event
 * that caused it was committed. Delivery happens later (lib/email/sender.ts).
 */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<string> {
  const row = await tx.outbox.create({
    data: { to: email.to.toLowerCase(), subject: email.subject, html: email.html, text: email.text, kind: email.kind },
    select: { id: true },
  });
  return row.id;
}
