import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { getDb } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { bindPendingShares } from "@/lib/sharing/bind-pending-shares";
import { acceptPendingInvitations } from "@/lib/users/accept-pending-invitations";
import { withHashedSessions } from "./hashed-sessions";
import { safeCallbackUrl } from "./callback-url";
import { authSecret } from "./secret";
import { SIGN_IN_LINK_MINUTES, sendSignInEmail } from "./send-sign-in-email";
import { SESSION_MAX_AGE_DAYS, SESSION_UPDATE_AGE_SECONDS } from "./session-age";
import { sessionCookieName } from "./session-cookie";

// next-auth builds its callback URLs from NEXTAUTH_URL; default it to where we serve.
process.env.NEXTAUTH_URL ??= appUrl();

export { SESSION_MAX_AGE_DAYS } from "./session-age";

/** next-auth's Prisma adapter, with session tokens stored hashed and e-mails lowercase. */
export function authAdapter(): Adapter {
  const base = withHashedSessions(PrismaAdapter(getDb() as never) as Adapter);
  return {
    ...base,
    // E-mails are stored lowercase so one address is one account whatever its spelling.
    createUser: (user: Parameters<NonNullable<Adapter["createUser"]>>[0]) =>
      base.createUser!({ ...user, email: user.email.trim().toLowerCase() }),
    getUserByEmail: (email: string) => base.getUserByEmail!(email.trim().toLowerCase()),
  };
}

export const authOptions: NextAuthOptions = {
  adapter: authAdapter(),
  secret: authSecret(),
  // Database sessions: deleting the row signs the browser out on its next request.
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_DAYS * 86_400, updateAge: SESSION_UPDATE_AGE_SECONDS },
  // The session cookie's name is also read by lib/auth/read-session.ts (getSessionUser): one rule for both.
  useSecureCookies: sessionCookieName().startsWith("__Secure-"),
  providers: [
    EmailProvider({
      // Delivery is ours (outbox + Resend or the local mailbox), so no SMTP server is used.
      server: { jsonTransport: true },
      from: "noreply@datashelf.local",
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      sendVerificationRequest: ({ identifier, url }) => sendSignInEmail({ to: identifier, url }),
    }),
  ],
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error", newUser: "/onboarding" },
  callbacks: {
    // Where a sign-in (and its e-mail link) ends: the same rule as every other return path.
    redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackUrl(url, baseUrl)}`,
    session({ session, user }) {
      const u = user as typeof user & { username?: string | null };
      session.user = { id: u.id, email: u.email, name: u.name ?? null, username: u.username ?? null };
      return session;
    },
  },
  events: {
    // A magic-link sign-in proves the address: bind the grants and invitations sent to it.
    async signIn({ user }) {
      if (!user.email) return;
      const bound = { id: user.id, email: user.email.toLowerCase() };
      await getDb().$transaction(async (tx) => {
        await bindPendingShares(tx, bound);
        await acceptPendingInvitations(tx, bound);
      });
    },
  },
};
