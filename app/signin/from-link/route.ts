import { safeCallbackUrl } from "@/lib/auth/callback-url";
import {
  CONTINUE_PATH,
  RETURN_COOKIE,
  isAccessLinkPath,
  redirectTo,
  returnCookieOptions,
} from "@/lib/links/sign-in-return";

export const dynamic = "force-dynamic";

/** Signing in to open an access link: the link's path waits in a cookie, the e-mail only names CONTINUE_PATH. */
export function GET(request: Request) {
  const target = safeCallbackUrl(new URL(request.url).searchParams.get("to"));
  if (!isAccessLinkPath(target)) return redirectTo(`/signin?callbackUrl=${encodeURIComponent(target)}`);
  const response = redirectTo(`/signin?callbackUrl=${encodeURIComponent(CONTINUE_PATH)}`);
  response.cookies.set(RETURN_COOKIE, target, returnCookieOptions());
  return response;
}
