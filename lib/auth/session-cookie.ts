import { appUrl } from "@/lib/email/config";

/**
 * The name of next-auth's session cookie: `__Secure-next-auth.session-token` when the app is served over https,
 * `next-auth.session-token` otherwise (next-auth's own rule, from NEXTAUTH_URL). authOptions sets
 * `useSecureCookies` from this too, so the cookie next-auth writes is the one the session reader looks for.
 */
export function sessionCookieName(): string {
  const base = process.env.NEXTAUTH_URL ?? appUrl();
  return `${base.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/** One cookie's value from a Cookie header (undefined when absent or not decodable), without parsing the others. */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
