import "server-only";
import { getDb, type Tx } from "@/lib/db";

/** The managers of a workspace (its owner and admins): who decides access requests and hears of them. */
export async function workspaceManagers(tx: Tx, workspaceId: string): Promise<{ id: string; email: string }[]> {
  const workspace = await (tx ?? getDb()).workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      owner: { select: { id: true, email: true } },
      members: { where: { role: "admin" }, select: { user: { select: { id: true, email: true } } } },
    },
  });
  return [workspace.owner, ...workspace.members.map((m) => m.user)];
}
