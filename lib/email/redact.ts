/** What a redacted link reads as in a stored body. */
export const REDACTED_LINK = "https://redacted.invalid/link-removed";

const URL_PATTERN = /https?:\/\/[^\s"'<>]+/g;
const SECRET_PARAM = /^(token|code|key|secret|signature|sig)$/i;
// Our secrets (lib/util/tokens.ts, next-auth's) are ≥ 32 random URL-safe characters; ids are shorter.
const SECRET_SEGMENT = /^[A-Za-z0-9_-]{32,}$/;

/** Whether a link carries a bearer secret (a sign-in, invitation or access-link token). */
export function isTokenLink(link: string): boolean {
  try {
    const url = new URL(link.replaceAll("&amp;", "&"));
    if ([...url.searchParams.keys()].some((name) => SECRET_PARAM.test(name))) return true;
    return url.pathname.split("/").some((segment) => SECRET_SEGMENT.test(segment));
  } catch {
    return false;
  }
}

/**
 * Rule: a body kept after a provider delivered it holds no working secret. Every link carrying a
 * token is replaced; other links (to the app's pages) stay so the record still makes sense.
 */
export function redactTokenLinks(body: string): string {
  return body.replace(URL_PATTERN, (link) => (isTokenLink(link) ? REDACTED_LINK : link));
}
