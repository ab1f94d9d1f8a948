import "server-only";
import { getDb } from "@/lib/db";

type Person = { id: string; email: string; username: string | null };

/**
 * How a person is named to others (e-mails, invitation pages): their display name, else their
 * username, else their address. Plain text; whoever shows it escapes it (React does; subjects go
 * through renderEmail, which strips line breaks).
 */
export async function displayNameOf(person: Person): Promise<string> {
  const user = await getDb().user.findUnique({ where: { id: person.id }, select: { name: true } });
  return pickDisplayName({ ...person, name: user?.name ?? null });
}

export function pickDisplayName(person: { name: string | null; username: string | null; email: string }): string {
  return person.name?.trim() || person.username || person.email;
}

/**
 * How a person is named to someone who must not learn their address (a stranger asking a
 * workspace's managers for access): display name, else username, else `fallback`. Never the e-mail.
 */
export async function nameWithoutAddress(person: Person, fallback: string): Promise<string> {
  const user = await getDb().user.findUnique({ where: { id: person.id }, select: { name: true } });
  return user?.name?.trim() || person.username || fallback;
}
