import "server-only";
import { getDb, jsonObject } from "@/lib/db";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { notFound } from "@/lib/util/errors";

export type ActivityRow = {
  id: string;
  action: string;
  actor: string | null;
  resourceType: string;
  details: Record<string, unknown>;
  createdAt: Date;
};

/** A workspace's audit trail, newest first; for its managers (owner and admins). */
export async function listWorkspaceActivity(
  actor: Actor,
  workspaceId: string,
  { take = 100 }: { take?: number } = {},
): Promise<ActivityRow[]> {
  const workspace = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, ownerId: true },
  });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  const rows = await getDb().auditEvent.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { username: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actor?.username ?? r.actor?.email ?? null,
    resourceType: r.resourceType,
    details: jsonObject(r.details),
    createdAt: r.createdAt,
  }));
}
