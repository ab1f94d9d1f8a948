import { LINK_PARAM } from "@/lib/links/request-actor";

/** The header a file request's page sends on every tus request: the request link's token. */
export const UPLOAD_LINK_HEADER = "Upload-Link";

/**
 * For a tus request made through a file request (it carries UPLOAD_LINK_HEADER), a body-less copy
 * that names the link the way handleRoute's link authentication reads it (`?link=`), with the same
 * method and headers (cookies, Origin). tus itself keeps the original request: its URL and body.
 * Null for every other request, which authenticates by token or session as before.
 */
export function uploadLinkProbe(request: Request): Request | null {
  const token = request.headers.get(UPLOAD_LINK_HEADER);
  if (!token) return null;
  const url = new URL(request.url);
  url.search = "";
  url.searchParams.set(LINK_PARAM, token);
  return new Request(url, { method: request.method, headers: request.headers });
}
