import "server-only";
import { NextRequest } from "next/server";
import { noStoreJson } from "@/lib/api/responses";
import type { Actor } from "@/lib/access";
import { requestSessionUser } from "@/lib/auth/request-session";
import { clientAddress } from "@/lib/http/client-address";
import { openAccessLink } from "./open-link";

/** The query parameter that carries an access link's token on data requests made from a link page. */
export const LINK_PARAM = "link";

/** The request's cookies as Next parses them (a value that does not decode is skipped, not an error). */
function cookiesOf(request: Request) {
  const jar =
    request instanceof NextRequest
      ? request.cookies
      : new NextRequest(request.url, { headers: request.headers }).cookies;
  return (name: string) => jar.get(name)?.value;
}

const json = (status: number, error: string, code: string, headers: Record<string, string> = {}) =>
  noStoreJson({ error, code }, { status, headers });

/**
 * Who is making a data request. Rule: a request carrying `?link=<token>` acts only as that
 * access link's read-only actor (scoped to the linked resource, after the same checks as the
 * link page: expiry, revocation, password cookie, sign-in mode, throttling) even when a session
 * is present; otherwise it is the signed-in user. Returns a Response to send when neither holds.
 */
export async function resolveRequestActor(request: Request): Promise<{ actor: Actor; viaLink: boolean } | Response> {
  const token = new URL(request.url).searchParams.get(LINK_PARAM);
  const viewer = await requestSessionUser(request);
  if (token) {
    const opened = await openAccessLink(token, {
      client: clientAddress(request.headers),
      viewer,
      cookies: cookiesOf(request),
    });
    switch (opened.status) {
      case "ok":
        return { actor: opened.link.actor, viaLink: true };
      case "password":
        return json(
          401,
          "This link is protected by a password. Open the link page and enter it first.",
          "password_required",
        );
      case "sign-in":
        return json(401, "Sign in to use this link.", "unauthenticated");
      case "throttled":
        return json(429, "Too many attempts. Try again later.", "rate_limited", {
          "Retry-After": String(opened.retryAfterSeconds),
        });
      default:
        return json(404, "This link is not available.", "not_found");
    }
  }
  if (!viewer) return json(401, "Sign in to continue.", "unauthenticated");
  return { actor: viewer, viaLink: false };
}
