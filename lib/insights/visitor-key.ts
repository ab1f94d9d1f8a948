import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/**
 * A link visitor's key for insights: a short HMAC of the link and the client's address under the
 * server secret. Rule: it tells one visitor of a link from another and nothing more; the address
 * cannot be recovered (keyed, truncated to 32 bits), and the same visitor has unrelated keys on
 * two links, so keys cannot be joined across links.
 */
export function visitorKey(linkId: string, client: string): string {
  return createHmac("sha256", authSecret()).update(`visitor:${linkId}:${client}`).digest("hex").slice(0, 8);
}

/**
 * The key of a link's daily visit log (AccessLinkVisit): an HMAC of the link and the visitor (an
 * address, or a signed-in viewer's id) under the server secret. Rule: like visitorKey, nothing
 * recoverable (an unkeyed hash of an IPv4 address is reversed by trying all of them) and nothing
 * joinable across links; long enough that two visitors of one link do not merge in the counts.
 */
export function visitKey(linkId: string, visitor: string): string {
  return createHmac("sha256", authSecret()).update(`visit:${linkId}:${visitor}`).digest("hex").slice(0, 32);
}
