import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { hashToken } from "@/lib/util/tokens";
import { SESSION_MAX_AGE_DAYS, SESSION_UPDATE_AGE_SECONDS } from "./session-age";

export type SessionUser = Actor & { name: string | null };

const DAY_MS = 86_400_000;

/** A session row with its user's fields, as the one-statement read returns it. */
type SessionRow = { expires: Date | string; id: string; email: string; username: string | null; name: string | null };

/**
 * The user of a session cookie's token, read straight from the database in one statement (the session row, found by
 * the token's SHA-256, joined with its user) instead of through next-auth's whole session handler. Rule: a missing, deleted or
 * expired session signs nobody in, and nothing is cached between requests, so signing out or deleting a session
 * row takes effect on the very next request, on every instance. As next-auth does: an expired row is deleted, and a
 * session used more than a day after its last extension is extended to SESSION_MAX_AGE_DAYS from now (a failed
 * bookkeeping write never signs the user out).
 */
export async function readSessionUser(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const sessionToken = hashToken(token);
  // One statement (a join) instead of Prisma's relation read, which sends one per table on SQLite.
  const [row] = await getDb().$queryRaw<SessionRow[]>`SELECT s."expires", u."id", u."email", u."username", u."name"
FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = ${sessionToken}`;
  if (!row) return null;
  const now = Date.now();
  const expires = new Date(row.expires).getTime();
  if (expires <= now) {
    await getDb()
      .session.deleteMany({ where: { sessionToken } })
      .catch((error: unknown) => console.error("session: could not delete an expired session", error));
    return null;
  }
  const maxAgeMs = SESSION_MAX_AGE_DAYS * DAY_MS;
  if (expires - maxAgeMs + SESSION_UPDATE_AGE_SECONDS * 1000 <= now) {
    await getDb()
      .session.updateMany({ where: { sessionToken }, data: { expires: new Date(now + maxAgeMs) } })
      .catch((error: unknown) => console.error("session: could not extend a session", error));
  }
  return { id: row.id, email: row.email, username: row.username ?? null, name: row.name ?? null };
}
