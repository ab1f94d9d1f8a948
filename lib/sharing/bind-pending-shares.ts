import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { emailKey, userKey } from "@/lib/access/grantee-keys";
import { atLeast } from "@/lib/access/roles";
import { findShare } from "./find-share";

/**
 * Binds pending e-mail grants to the account that just proved it owns that exact address
 * (a verified magic-link sign-in). If the user already has a grant on the same resource, the
 * higher role wins and the pending row is dropped. Rule: binding voids every invitation link of
 * those grants, so an old invitation can never be used as a sign-in link afterwards. The address
 * the sharer typed stays on the grant (granteeEmail): the sharer already knew it.
 */
export async function bindPendingShares(tx: Tx, user: { id: string; email: string }): Promise<number> {
  const pending = await tx.share.findMany({ where: { granteeKey: emailKey(user.email) } });
  if (pending.length === 0) return 0;
  await tx.shareInvitation.deleteMany({ where: { shareId: { in: pending.map((s) => s.id) } } });
  for (const share of pending) {
    const key = userKey(user.id);
    const existing = await findShare(tx, share, key);
    if (existing) {
      const data = {
        ...(atLeast(existing.role, share.role) ? {} : { role: share.role }),
        ...(share.allowAddToWorkspace && !existing.allowAddToWorkspace ? { allowAddToWorkspace: true } : {}),
        ...(existing.granteeEmail ? {} : { granteeEmail: share.granteeEmail }),
      };
      await tx.share.update({ where: { id: existing.id }, data });
      await tx.share.delete({ where: { id: share.id } });
    } else {
      await tx.share.update({
        where: { id: share.id },
        data: { granteeType: "user", granteeKey: key, granteeUserId: user.id },
      });
    }
    await recordAudit(tx, {
      workspaceId: share.workspaceId,
      actorId: user.id,
      action: "share.invitation_accepted",
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: { email: user.email, role: share.role },
    });
  }
  return pending.length;
}
