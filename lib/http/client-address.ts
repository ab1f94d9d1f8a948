/**
 * The client's address for throttling: the first X-Forwarded-For hop when the app runs behind
 * a proxy (TRUST_PROXY=1), otherwise X-Real-IP or "local". Not an identity, only a bucket key.
 */
export function clientAddress(headers: Headers): string {
  if (process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("x-real-ip")?.trim() || "local";
}
