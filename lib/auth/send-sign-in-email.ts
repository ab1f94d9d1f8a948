import "server-only";
import { createElement } from "react";
import { getDb } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { deliverDueEmails } from "@/lib/email/sender";
import { SignInEmail } from "@/lib/email/templates/sign-in";
import { numberSetting } from "@/lib/config/number-settings";

export const SIGN_IN_LINK_MINUTES = numberSetting("SIGN_IN_LINK_MINUTES");

/**
 * Queues the magic-link e-mail and tries to deliver it at once. A provider failure is not the
 * user's problem: the message stays in the outbox and is retried with backoff.
 */
export async function sendSignInEmail({ to, url }: { to: string; url: string }): Promise<void> {
  const host = new URL(url).host;
  const message = await renderEmail(
    `Sign in to Datashelf`,
    createElement(SignInEmail, { url, host, minutes: SIGN_IN_LINK_MINUTES }),
  );
  await getDb().$transaction((tx) => enqueueEmail(tx, { to, kind: "sign-in", ...message }));
  await deliverDueEmails().catch((error) => console.error("sign-in e-mail delivery deferred", error));
}
