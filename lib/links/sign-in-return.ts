import { NextResponse } from "next/server";
import { servedOverHttps } from "@/lib/http/security-headers";

/** The cookie that holds an access link's path while its visitor signs in. */
export const RETURN_COOKIE = "ds_return_to_link";
/** Where a sign-in e-mail sends the visitor back to; it reads RETURN_COOKIE. */
export const CONTINUE_PATH = "/signin/continue";

/** Whether a path is an access link page (its token is in the path). */
export function isAccessLinkPath(path: string): boolean {
  return /^\/s\/[^/?#]+/.test(path);
}

/**
 * Cookie settings for RETURN_COOKIE. Rule: an access link's token never goes into a sign-in
 * e-mail (mailboxes, providers and logs keep e-mails); the path waits in this browser instead,
 * HttpOnly, for one hour.
 */
export function returnCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: servedOverHttps(), path: "/", maxAge: 3600 };
}

/** A redirect to a path on this site (relative Location: correct behind any proxy). */
export function redirectTo(path: string): NextResponse {
  return new NextResponse(null, { status: 307, headers: { Location: path, "Cache-Control": "private, no-store" } });
}
