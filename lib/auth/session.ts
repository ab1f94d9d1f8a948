import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/access";
import { safeCallbackUrl } from "./callback-url";
import { authOptions } from "./options";
import { REQUEST_PATH_HEADER } from "./request-path";

export type SessionUser = Actor & { name: string | null };

/** The signed-in user of this request, or null. Read from the database session on every request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, username: user.username ?? null, name: user.name ?? null };
});

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
