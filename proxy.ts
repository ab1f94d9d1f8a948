import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { NONCE_HEADER, newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Gives every page a fresh CSP nonce and the security headers (lib/http/security-headers.ts).
 * Next reads the nonce from the request's Content-Security-Policy header and puts it on its own
 * scripts. It also passes the page's own path and query on (REQUEST_PATH_HEADER), so a signed-out
 * visitor is sent back to exactly that page after sign-in. This is not authorization; it never
 * reads the session or the database.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = pageSecurityHeaders(nonce, { dev: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  // Always overwritten, so a client cannot choose it.
  forwarded.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON and files (and uploads must not be buffered by a proxy);
  // static assets need no nonce.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
