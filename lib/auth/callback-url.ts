const PLACEHOLDER_ORIGIN = "http://app.invalid";

/** Query parameters Next adds to its own requests; never part of a page a user returns to. */
const INTERNAL_PARAMS = ["_rsc"];

/**
 * Rule: only a path on this app is followed after sign-in (no open redirects). Relative paths and
 * absolute URLs on the app's own origin (NEXTAUTH_URL, or `appOrigin`) are kept as path + query;
 * anything else, and any path a browser would read as another host ("//host", "/\host", dot segments
 * that collapse to "//"), becomes "/". Encoded characters stay encoded, so the path round-trips.
 */
export function safeCallbackUrl(value: string | undefined | null, appOrigin?: string): string {
  if (!value) return "/";
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    const app = appOrigin ?? (process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null);
    if (url.origin !== PLACEHOLDER_ORIGIN && url.origin !== app) return "/";
    // The normalised path of "/.//evil.example" is "//evil.example": protocol-relative, another host.
    if (/^\/[/\\]/.test(url.pathname)) return "/";
    for (const name of INTERNAL_PARAMS) url.searchParams.delete(name);
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
