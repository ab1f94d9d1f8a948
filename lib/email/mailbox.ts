import { getDb } from "@/lib/db";

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
  status: string;
  createdAt: Date;
  links: string[];
};

/** Absolute http(s) links in an HTML body, in order, without duplicates. */
export function extractLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/href="(https?:\/\/[^"]+)"/g)) {
    links.add(match[1]!.replaceAll("&amp;", "&"));
  }
  return [...links];
}

/** Messages in the local mailbox (the outbox when e-mail is local), newest first. */
export async function listMailbox({ to, limit = 100 }: { to?: string; limit?: number } = {}): Promise<
  MailboxMessage[]
> {
  const rows = await getDb().outbox.findMany({
    where: to ? { to: to.trim().toLowerCase() } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toMessage);
}

export async function getMailboxMessage(id: string): Promise<MailboxMessage | null> {
  const row = await getDb().outbox.findUnique({ where: { id } });
  return row ? toMessage(row) : null;
}

type OutboxRow = Omit<MailboxMessage, "links">;

function toMessage({ id, to, subject, text, html, kind, status, createdAt }: OutboxRow): MailboxMessage {
  return { id, to, subject, text, html, kind, status, createdAt, links: extractLinks(html) };
}
