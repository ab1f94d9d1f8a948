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
