import "server-only";
import { cookies, headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/client-address";
import { type OpenResult, openAccessLink } from "@/lib/links/open-link";

/** Opens an access link for the page being rendered (cookies and client address from this request). */
export async function openLinkForRequest(token: string, password?: string): Promise<OpenResult> {
  const [jar, head, viewer] = await Promise.all([cookies(), headers(), getSessionUser()]);
  return openAccessLink(token, {
    client: clientAddress(head),
    viewer,
    password,
    cookies: (name) => jar.get(name)?.value,
  });
}
