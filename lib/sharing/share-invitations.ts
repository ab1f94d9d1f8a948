import "server-only";
import type { Actor } from "@/lib/access";
import { issueSignInLink } from "@/lib/auth/issue-sign-in-link";
import { getDb } from "@/lib/db";
import { pickDisplayName } from "@/lib/users/display-name";
import { hashToken } from "@/lib/util/tokens";
import { bindPendingShares } from "./bind-pending-shares";
import { loadSharedResource } from "./shared-resource";

async function openInvitation(token: string) {
  const invitation = await getDb().shareInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date()) return null;
  const share = await getDb().share.findUnique({ where: { id: invitation.shareId } });
  if (!share) return null;
  const target = await loadSharedResource(share.resourceType, share.resourceId).catch(() => null);
  return target ? { invitation, share, target } : null;
}

/** What the invitation page shows; null when the link is unknown, used, expired or revoked. */
export async function describeShareInvitation(token: string) {
  const open = await openInvitation(token);
  if (!open) return null;
  const sharer = await getDb().user.findUnique({
    where: { id: open.share.createdById },
    select: { name: true, username: true, email: true },
  });
  return {
    email: open.invitation.email,
    what: open.target.label,
    role: open.share.role,
    sharer: sharer ? pickDisplayName(sharer) : "Someone",
  };
}

/**
 * Accepts a share invitation. Rule: it is single-use, and it only signs in a visitor whose address
 * has no account yet (the invitation is how that account is made): once an account exists for
 * the address, it leads to the normal sign-in and then to the resource, so an old or leaked
 * invitation is never a way into an account. A visitor signed in as someone else is not given the
 * grant. Returns where to go: the resource, the sign-in page, or a one-time sign-in link.
 */
export async function acceptShareInvitation(
  token: string,
  current: Actor | null,
): Promise<{ url: string } | { error: string }> {
  const open = await openInvitation(token);
  if (!open) return { error: "This invitation has expired, was revoked, or was already used." };
  const { invitation, target } = open;
  if (current && current.email !== invitation.email) {
    return { error: `This invitation was sent to ${invitation.email}. Sign out and open it again to accept it.` };
  }
  if (!current && (await getDb().user.findUnique({ where: { email: invitation.email }, select: { id: true } }))) {
    // Signing in binds the grant (lib/auth) and voids this invitation; then the resource opens.
    return { url: `/signin?${new URLSearchParams({ callbackUrl: target.path })}` };
  }
  const used = await getDb().shareInvitation.updateMany({
    where: { id: invitation.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (used.count === 0) return { error: "This invitation was already used." };
  if (current) {
    await getDb().$transaction((tx) => bindPendingShares(tx, { id: current.id, email: current.email }));
    return { url: target.path };
  }
  return { url: await issueSignInLink(invitation.email, target.path) };
}
