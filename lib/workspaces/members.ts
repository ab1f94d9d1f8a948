import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { invalid, notFound } from "@/lib/util/errors";
import { memberRoleSchema } from "./schemas";

export type MemberRow = {
  userId: string;
  username: string | null;
  email: string;
  name: string | null;
  role: "owner" | "admin" | "member";
  since: Date;
};

export type PendingInvitationRow = { id: string; email: string; role: string; expiresAt: Date; createdAt: Date };

async function loadWorkspace(workspaceId: string) {
  const workspace = await getDb().workspace.findUnique({ where: { id: workspaceId }, include: { owner: true } });
  if (!workspace) throw notFound("Workspace not found");
  return workspace;
}

/** The owner, the members and open invitations; anyone who can read the workspace sees who is in it. */
export async function listMembers(actor: Actor, workspaceId: string) {
  const workspace = await loadWorkspace(workspaceId);
  await assertCanWorkspace(actor, workspace, "read");
  const db = getDb();
  const [members, invitations] = await Promise.all([
    db.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: "asc" } }),
    db.workspaceInvitation.findMany({ where: { workspaceId, acceptedAt: null }, orderBy: { createdAt: "asc" } }),
  ]);
  const { owner } = workspace;
  const rows: MemberRow[] = [
    {
      userId: owner.id,
      username: owner.username,
      email: owner.email,
      name: owner.name,
      role: "owner",
      since: workspace.createdAt,
    },
    ...members.map((m) => ({
      userId: m.userId,
      username: m.user.username,
      email: m.user.email,
      name: m.user.name,
      role: m.role === "admin" ? ("admin" as const) : ("member" as const),
      since: m.createdAt,
    })),
  ];
  const pending: PendingInvitationRow[] = invitations.map(({ id, email, role, expiresAt, createdAt }) => ({
    id,
    email,
    role,
    expiresAt,
    createdAt,
  }));
  return { members: rows, invitations: pending };
}

export const changeRoleInput = z.object({ userId: z.string().min(1), role: memberRoleSchema });

export async function changeMemberRole(actor: Actor, workspaceId: string, input: z.input<typeof changeRoleInput>) {
  const { userId, role } = changeRoleInput.parse(input);
  const workspace = await loadWorkspace(workspaceId);
  await assertCanWorkspace(actor, workspace, "manage");
  if (userId === workspace.ownerId) throw invalid("The owner's role cannot be changed.");
  await getDb().$transaction(async (tx) => {
    const updated = await tx.membership.updateMany({ where: { workspaceId, userId }, data: { role } });
    if (updated.count === 0) throw notFound("That person is not a member of this workspace.");
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.role_changed",
      resourceType: "workspace",
      resourceId: workspaceId,
      details: { userId, role },
    });
  });
}

/** Managers remove members; any member may remove themself (leave). Takes effect on their next request. */
export async function removeMember(actor: Actor, workspaceId: string, userId: string) {
  const workspace = await loadWorkspace(workspaceId);
  await assertCanWorkspace(actor, workspace, userId === actor.id ? "read" : "manage");
  if (userId === workspace.ownerId) throw invalid("The owner cannot be removed from their workspace.");
  await getDb().$transaction(async (tx) => {
    const removed = await tx.membership.deleteMany({ where: { workspaceId, userId } });
    if (removed.count === 0) throw notFound("That person is not a member of this workspace.");
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      action: userId === actor.id ? "member.left" : "member.removed",
      resourceType: "workspace",
      resourceId: workspaceId,
      details: { userId },
    });
  });
}
