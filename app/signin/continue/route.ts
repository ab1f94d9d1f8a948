import type { NextRequest } from "next/server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { RETURN_COOKIE, isAccessLinkPath, redirectTo } from "@/lib/links/sign-in-return";

export const dynamic = "force-dynamic";

/** After signing in from an access link: back to the link kept in the cookie (see /signin/from-link). */
export function GET(request: NextRequest) {
  const target = safeCallbackUrl(request.cookies.get(RETURN_COOKIE)?.value);
  const response = redirectTo(isAccessLinkPath(target) ? target : "/");
  response.cookies.delete(RETURN_COOKIE);
  return response;
}
