import { atLeast } from "@/lib/access/roles";
import type { Tx } from "@/lib/db";
import { SHARE_ROLES, type ShareRole } from "./schemas";

/**
 * Rule: a workspace grant a grantee added from their own grant (sourceShareId) never exceeds
 * that grant. Called whenever a grant's role or expiry changes: lowers the role and shortens the
 * expiry of the grants derived from it (it never raises them; the grantee adds again for that).
 */
export async function capDerivedGrants(
  tx: Tx,
  source: { id: string; role: ShareRole; expiresAt: Date | null },
): Promise<void> {
  const stronger = SHARE_ROLES.filter((role) => !atLeast(source.role, role));
  if (stronger.length) {
    await tx.share.updateMany({
      where: { sourceShareId: source.id, role: { in: stronger } },
      data: { role: source.role },
    });
  }
  if (source.expiresAt) {
    await tx.share.updateMany({
      where: { sourceShareId: source.id, OR: [{ expiresAt: null }, { expiresAt: { gt: source.expiresAt } }] },
      data: { expiresAt: source.expiresAt },
    });
  }
}

/** Derived workspace grants end with the grant they came from. */
export async function deleteDerivedGrants(tx: Tx, sourceId: string): Promise<number> {
  return (await tx.share.deleteMany({ where: { sourceShareId: sourceId } })).count;
}
