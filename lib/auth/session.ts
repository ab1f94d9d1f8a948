import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/access";
import { authOptions } from "./options";

export type SessionUser = Actor & { name: string | null };

/** The signed-in user of this request, or null. Read from the database session on every request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, username: user.username ?? null, name: user.name ?? null };
});

/** For pages: the signed-in user with a username, redirecting to sign-in or onboarding otherwise. */
export async function requireUser(callbackUrl?: string): Promise<SessionUser & { username: string }> {
  const user = await getSessionUser();
  if (!user) redirect(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  if (!user.username) redirect("/onboarding");
  return user as SessionUser & { username: string };
}
