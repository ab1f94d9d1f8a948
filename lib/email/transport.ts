import { Resend } from "resend";
import { isLocalMail, mailFrom } from "./config";

export type Message = { to: string; subject: string; html: string; text: string };
export type Delivery = { ok: true; providerId: string } | { ok: false; error: string };

/**
 * Delivers one message. With RESEND_API_KEY set it goes through the Resend SDK (RESEND_BASE_URL
 * points it elsewhere, e.g. a test endpoint); otherwise the outbox row itself is the local
 * mailbox and delivery just marks it.
 */
export async function deliver(message: Message): Promise<Delivery> {
  if (isLocalMail()) return { ok: true, providerId: "local" };
  try {
    const resend = new Resend(process.env.RESEND_API_KEY);
    const { data, error } = await resend.emails.send({
      from: mailFrom(),
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
    });
    if (error || !data) return { ok: false, error: error ? `${error.name}: ${error.message}` : "no response" };
    return { ok: true, providerId: data.id };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
