import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { hashToken } from "@/lib/util/tokens";
import { SESSION_MAX_AGE_DAYS, SESSION_UPDATE_AGE_SECONDS } from "./session-age";

export type SessionUser = Actor & { name: string | null };

const DAY_MS = 86_400_000;

/**
 * The user of a session cookie's token, read straight from the database in one query (the session row, found by the
 * token's SHA-256, with its user) instead of through next-auth's whole session handler. Rule: a missing, deleted or
 * expired session signs nobody in, and nothing is cached between requests, so signing out or deleting a session
 * row takes effect on the very next request, on every instance. As next-auth does: an expired row is deleted, and a
 * session used more than a day after its last extension is extended to SESSION_MAX_AGE_DAYS from now (a failed
 * bookkeeping write never signs the user out).
 */
export async function readSessionUser(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const sessionToken = hashToken(token);
  const row = await getDb().session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, username: true, name: true } } },
  });
  if (!row) return null;
  const now = Date.now();
  if (row.expires.getTime() <= now) {
    await getDb()
      .session.deleteMany({ where: { sessionToken } })
      .catch((error: unknown) => console.error("session: could not delete an expired session", error));
    return null;
  }
  const maxAgeMs = SESSION_MAX_AGE_DAYS * DAY_MS;
  if (row.expires.getTime() - maxAgeMs + SESSION_UPDATE_AGE_SECONDS * 1000 <= now) {
    await getDb()
      .session.updateMany({ where: { sessionToken }, data: { expires: new Date(now + maxAgeMs) } })
      .catch((error: unknown) => console.error("session: could not extend a session", error));
  }
  const { user } = row;
  return { id: user.id, email: user.email, username: user.username ?? null, name: user.name ?? null };
}
