import type { Tx } from "@/lib/db";
import { hashToken } from "@/lib/util/tokens";
import { numberSetting } from "@/lib/config/number-settings";

/** How long an e-mail invitation to a share stays usable. */
export const SHARE_INVITATION_DAYS = numberSetting("SHARE_INVITATION_DAYS");

/**
 * Stores the invitation for `token` (only its hash, like every other token) on a share, expiring
 * after SHARE_INVITATION_DAYS; sharing and resending both issue invitations this way.
 */
export function createShareInvitation(tx: Tx, input: { shareId: string; email: string; token: string }) {
  return tx.shareInvitation.create({
    data: {
      shareId: input.shareId,
      email: input.email,
      tokenHash: hashToken(input.token),
      expiresAt: new Date(Date.now() + SHARE_INVITATION_DAYS * 86_400_000),
    },
  });
}
