import { render } from "@react-email/render";
import type { ReactElement } from "react";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * HTML and plain text of one e-mail. Names and notes inside `element` are escaped by React; the
 * subject is a header, so control characters (CR/LF could start a new header) become spaces.
 */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: safeSubject(subject), html, text };
}

export function safeSubject(subject: string): string {
  return subject.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}
