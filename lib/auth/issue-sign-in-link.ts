import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { authSecret } from "./secret";
import { SIGN_IN_LINK_MINUTES } from "./send-sign-in-email";

/**
 * Mints a next-auth e-mail sign-in link for an address we have just proven the visitor
 * controls (they opened a single-use invitation sent to it). Stored exactly as next-auth
 * stores its own: SHA-256 of token + secret; the link works once and expires like any other.
 */
export async function issueSignInLink(email: string, callbackPath: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await getDb().verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${authSecret()}`).digest("hex"),
      expires: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
    },
  });
  const params = new URLSearchParams({ callbackUrl: callbackPath, token, email });
  return `/api/auth/callback/email?${params}`;
}
