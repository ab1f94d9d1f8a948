/**
 * Whether a request path's percent-encoding does not decode (`%E0%A4%A`, `%FF%FE`, the lone
 * surrogate `%ED%A0%80`). Next.js fails on such a path while routing, before any route handler
 * runs, and answers a plain-text 500, so the check runs where requests enter (proxy.ts).
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Rule: a path that cannot be decoded is the client's error: 400 in the API's one error shape
 * (`{ error, code }`), for every method, with or without a token, before authentication and
 * routing. Returns null for a well-formed path.
 */
export function malformedPathResponse(pathname: string): Response | null {
  if (!isMalformedPath(pathname)) return null;
  return Response.json(
    { error: "The URL contains malformed percent-encoding.", code: "bad_request" },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}
