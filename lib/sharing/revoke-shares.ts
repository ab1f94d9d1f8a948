import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { revokeShare } from "./revoke-share";

/** The most grants one bulk revoke takes; more is refused with this message, never cut off silently. */
export const MAX_BULK_REVOKE = 5000;

export const revokeSharesInput = z
  .array(z.string().min(1))
  .min(1, "Select at least one grant.")
  .max(MAX_BULK_REVOKE, `Revoke at most ${MAX_BULK_REVOKE.toLocaleString("en")} grants at once.`);

/**
 * Revokes every grant in the list, each under revokeShare's rule (managers revoke, a grantee
 * leaves). All of them or a clear error: a list above MAX_BULK_REVOKE is refused before anything
 * changes; the first grant the caller may not revoke stops the run with that grant's error.
 */
export async function revokeShares(actor: Actor, shareIds: string[]): Promise<{ revoked: number }> {
  const ids = [...new Set(revokeSharesInput.parse(shareIds))];
  for (const id of ids) await revokeShare(actor, id);
  return { revoked: ids.length };
}
