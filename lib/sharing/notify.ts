import "server-only";
import { createElement } from "react";
import { appUrl } from "@/lib/email/config";
import { renderEmail, type RenderedEmail } from "@/lib/email/render";
import { AccessEndedEmail } from "@/lib/email/templates/access-ended";
import { ShareNotificationEmail } from "@/lib/email/templates/share-notification";

export type ShareEmailSettings = { shareEmailSubject: string | null; shareEmailIntro: string | null };

/** The share e-mail, with the workspace's custom subject and intro when a manager set them. */
export async function renderShareEmail(input: {
  sharer: string;
  what: string;
  role: string;
  note?: string | null;
  link: string;
  invitation: boolean;
  expiresAt?: Date | null;
  settings: ShareEmailSettings;
}): Promise<RenderedEmail> {
  const { sharer, what, settings } = input;
  // One pass, so a name that contains "{resource}" stays as typed.
  const subject = (settings.shareEmailSubject || "{sharer} shared {resource} with you").replace(
    /\{(sharer|resource)\}/g,
    (_, field: string) => (field === "sharer" ? sharer : what),
  );
  return renderEmail(
    subject,
    createElement(ShareNotificationEmail, {
      sharer,
      what,
      role: input.role,
      note: input.note,
      url: input.link.startsWith("http") ? input.link : `${appUrl()}${input.link}`,
      intro: settings.shareEmailIntro,
      invitation: input.invitation,
      expiresAt: input.expiresAt,
    }),
  );
}

export function renderAccessEndedEmail(actor: string, what: string): Promise<RenderedEmail> {
  return renderEmail(`Your access to ${what} ended`, createElement(AccessEndedEmail, { actor, what }));
}
