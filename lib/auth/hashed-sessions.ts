import type { Adapter, AdapterSession } from "next-auth/adapters";
import { hashToken } from "@/lib/util/tokens";

/**
 * Rule: the database holds only the SHA-256 of each session token, so a copy of it (a backup, a
 * leaked dump) signs nobody in. next-auth keeps handling the raw token (the cookie): every
 * session method hashes what it is given before the store sees it and hands back the raw token.
 */
export function withHashedSessions(base: Adapter): Adapter {
  const raw = <T extends AdapterSession | null | undefined | void>(session: T, token: string): T =>
    session ? ({ ...session, sessionToken: token } as T) : session;
  return {
    ...base,
    createSession: async (session) =>
      raw(
        await base.createSession!({ ...session, sessionToken: hashToken(session.sessionToken) }),
        session.sessionToken,
      ),
    getSessionAndUser: async (token) => {
      const found = await base.getSessionAndUser!(hashToken(token));
      return found && { user: found.user, session: raw(found.session, token) };
    },
    updateSession: async (session) =>
      raw(
        await base.updateSession!({ ...session, sessionToken: hashToken(session.sessionToken) }),
        session.sessionToken,
      ),
    deleteSession: async (token) => {
      const deleted = await base.deleteSession!(hashToken(token));
      return deleted ? raw(deleted, token) : null;
    },
  };
}
