import { Resend } from "resend";
import { isLocalMail, mailFrom } from "./config";

export type Message = { to: string; subject: string; html: string; text: string };
export type Delivery = { ok: true; providerId: string } | { ok: false; error: string };

/** Marks mail kept in the local mailbox (no provider involved). */
export const LOCAL_PROVIDER_ID = "local";

/**
 * Delivers one message. With RESEND_API_KEY set it goes through the Resend SDK (RESEND_BASE_URL
 * points it elsewhere, e.g. a test endpoint); otherwise the outbox row itself is the local
 * mailbox and delivery just marks it. `idempotencyKey` must be the same on every attempt at one
 * message: Resend then accepts it once however often a retry repeats the request.
 */
export async function deliver(message: Message, idempotencyKey: string): Promise<Delivery> {
  if (isLocalMail()) return { ok: true, providerId: LOCAL_PROVIDER_ID };
  try {
    const resend = new Resend(process.env.RESEND_API_KEY);
    const { data, error } = await resend.emails.send(
      { from: mailFrom(), to: message.to, subject: message.subject, html: message.html, text: message.text },
      { idempotencyKey },
    );
    if (error || !data) return { ok: false, error: error ? `${error.name}: ${error.message}` : "no response" };
    return { ok: true, providerId: data.id };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
