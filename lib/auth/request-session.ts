import "server-only";
import { readSessionUser, type SessionUser } from "./read-session";
import { cookieValue, sessionCookieName } from "./session-cookie";

/**
 * The signed-in user of a route handler's request, from that request's own Cookie header (readSessionUser: read
 * from the database every time, nothing cached). Rule: the request is all it reads, never Next's request scope
 * (`cookies()`), so the handlers the app's server calls directly (scripts/direct-routes.mjs) see the same user as
 * through Next.
 */
export function requestSessionUser(request: Request): Promise<SessionUser | null> {
  return readSessionUser(cookieValue(request.headers.get("cookie"), sessionCookieName()));
}
