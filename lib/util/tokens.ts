import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secret tokens (API tokens, invitation links, access links): 256 bits from the OS CSPRNG,
 * base64url. Only `hashToken(token)` is ever stored; `prefix` is a short display handle.
 */
export function newToken(kind: string): { token: string; hash: string; prefix: string } {
  const token = `${kind}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, kind.length + 7) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
