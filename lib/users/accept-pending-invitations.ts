import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";

/**
 * Binds the workspace invitations addressed to this user's verified e-mail: the account now
 * exists, so they become memberships. Only exact (lowercase) address matches are bound.
 */
export async function acceptPendingInvitations(tx: Tx, user: { id: string; email: string }): Promise<number> {
  const invitations = await tx.workspaceInvitation.findMany({
    where: { email: user.email, acceptedAt: null, expiresAt: { gt: new Date() } },
  });
  for (const invitation of invitations) {
    const workspace = await tx.workspace.findUnique({
      where: { id: invitation.workspaceId },
      select: { ownerId: true },
    });
    if (!workspace || workspace.ownerId === user.id) continue;
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      create: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
      update: {},
    });
    await tx.workspaceInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      action: "member.joined",
      resourceType: "workspace",
      resourceId: invitation.workspaceId,
      details: { role: invitation.role },
    });
  }
  return invitations.length;
}
