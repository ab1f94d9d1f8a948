import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "./callback-url";
import { readSessionUser, type SessionUser } from "./read-session";
import { REQUEST_PATH_HEADER } from "./request-path";
import { sessionCookieName } from "./session-cookie";

export type { SessionUser } from "./read-session";

/**
 * The signed-in user of this request, or null: the session cookie read from the database on every request
 * (readSessionUser; one query, deduplicated within one render by React's cache, never across requests).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> =>
  readSessionUser((await cookies()).get(sessionCookieName())?.value),
);

/**
 * For pages: the signed-in user with a username, redirecting to sign-in or onboarding otherwise.
 * A signed-out visitor returns after sign-in to the page they asked for (path and query, from
 * proxy.ts), or to `callbackUrl` when the request did not come through the proxy.
 */
export async function requireUser(callbackUrl?: string): Promise<SessionUser & { username: string }> {
  const user = await getSessionUser();
  if (!user) {
    const target = safeCallbackUrl((await headers()).get(REQUEST_PATH_HEADER) ?? callbackUrl);
    redirect(target === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(target)}`);
  }
  if (!user.username) redirect("/onboarding");
  return user as SessionUser & { username: string };
}
