import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { formatNumber } from "@/lib/util/format";
import { revokeGrants } from "./revoke-share";

/** The most grants one bulk revoke takes; more is refused with this message, never cut off silently. */
export const MAX_BULK_REVOKE = 5000;

export const revokeSharesInput = z
  .array(z.string().min(1))
  .min(1, "Select at least one grant.")
  .max(MAX_BULK_REVOKE, `Revoke at most ${formatNumber(MAX_BULK_REVOKE)} grants at once.`);

/**
 * Revokes every grant in the list under revokeGrants' rule (managers revoke, a grantee leaves),
 * or answers a clear error: a list above MAX_BULK_REVOKE is refused and a grant that no longer
 * exists is a 404, both before anything changes; access is checked once per resource.
 */
export async function revokeShares(actor: Actor, shareIds: string[]): Promise<{ revoked: number }> {
  const ids = [...new Set(revokeSharesInput.parse(shareIds))];
  const shares = await getDb().share.findMany({ where: { id: { in: ids } } });
  if (shares.length < ids.length) {
    const missing = ids.length - shares.length;
    throw notFound(
      missing === 1
        ? "One of the selected grants no longer exists; nothing was revoked. Reload and try again."
        : `${missing} of the selected grants no longer exist; nothing was revoked. Reload and try again.`,
    );
  }
  await revokeGrants(actor, shares);
  return { revoked: shares.length };
}
