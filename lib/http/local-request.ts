import { isLocalMail } from "@/lib/email/config";
import { clientAddress, isLoopback, trustedProxyHops } from "./client-address";

/**
 * Set to "1" by our server (scripts/server.mjs) when the request as received carried
 * X-Forwarded-For, Forwarded or X-Real-IP; any client copy is dropped. The app cannot look at
 * X-Forwarded-For itself: Next fills it in from the socket when it is missing.
 */
export const FORWARDED_MARK_HEADER = "x-datashelf-forwarded";

/**
 * Whether a request comes from this machine (used to guard the local mailbox). Rule: its client
 * address (the socket's, or the forwarded one under TRUST_PROXY) is loopback; and without
 * TRUST_PROXY it carries no forwarding header, because a reverse proxy on this machine connects
 * from loopback on behalf of someone else. A request whose address is unknown is not local.
 */
export function isLocalRequest(headers: Headers): boolean {
  if (!isLoopback(clientAddress(headers))) return false;
  if (trustedProxyHops() === 0 && headers.get(FORWARDED_MARK_HEADER) === "1") return false;
  return true;
}

/**
 * Whether the server may be reachable from other machines. scripts/server.mjs records the
 * interface it listens on in DATASHELF_LISTEN_HOST; any other server (`next dev`, `next start`)
 * listens on every interface by default, so an unknown host counts as exposed.
 */
export function listensBeyondLocalhost(): boolean {
  const host = process.env.DATASHELF_LISTEN_HOST?.trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (!host) return true;
  return !(host === "localhost" || isLoopback(host));
}

/**
 * Whether this request may see the local mailbox (every sign-in link of every user is in it).
 * Rule: only while e-mail is local (no RESEND_API_KEY) and only for a request from this machine;
 * everyone else gets the same 404 as for a page that does not exist.
 */
export function mayReadLocalMailbox(headers: Headers): boolean {
  return isLocalMail() && isLocalRequest(headers);
}
