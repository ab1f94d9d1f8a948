import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { safeEqual } from "@/lib/util/tokens";

export const unlockCookieName = (linkId: string) => `ds_link_${linkId}`;

/**
 * Proof that this browser entered the link's password: an HMAC over the link and its current
 * password hash, so changing the password or the secret invalidates every unlock.
 */
export function unlockValue(linkId: string, passwordHash: string): string {
  return createHmac("sha256", authSecret()).update(`${linkId}:${passwordHash}`).digest("base64url");
}

export function isUnlocked(linkId: string, passwordHash: string, cookie: string | undefined): boolean {
  return Boolean(cookie) && safeEqual(cookie!, unlockValue(linkId, passwordHash));
}
