import "server-only";
import { getDb } from "@/lib/db";
import { pickDisplayName } from "@/lib/users/display-name";

type Grant = {
  id: string;
  granteeUserId: string | null;
  granteeEmail: string | null;
  granteeWorkspaceId: string | null;
};

export type GranteeContact = { email: string | null; name: string };

/**
 * Who speaks for each grant's grantee, by grant id: the person, the invited address, or for a
 * workspace grant the workspace's owner (named as the workspace). Two queries whatever the count.
 */
export async function granteeContacts(grants: Grant[]): Promise<Map<string, GranteeContact>> {
  const db = getDb();
  const userIds = [...new Set(grants.flatMap((g) => (g.granteeUserId ? [g.granteeUserId] : [])))];
  const workspaceIds = [...new Set(grants.flatMap((g) => (g.granteeWorkspaceId ? [g.granteeWorkspaceId] : [])))];
  const [users, workspaces] = await Promise.all([
    userIds.length
      ? db.user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, email: true, name: true, username: true },
        })
      : [],
    workspaceIds.length
      ? db.workspace.findMany({
          where: { id: { in: workspaceIds } },
          select: { id: true, name: true, owner: { select: { email: true } } },
        })
      : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const workspaceById = new Map(workspaces.map((w) => [w.id, w]));
  const out = new Map<string, GranteeContact>();
  for (const g of grants) {
    const user = g.granteeUserId ? userById.get(g.granteeUserId) : undefined;
    const workspace = g.granteeWorkspaceId ? workspaceById.get(g.granteeWorkspaceId) : undefined;
    if (user) out.set(g.id, { email: user.email, name: pickDisplayName(user) });
    else if (workspace) out.set(g.id, { email: workspace.owner.email, name: `everyone in ${workspace.name}` });
    else if (g.granteeEmail) out.set(g.id, { email: g.granteeEmail, name: g.granteeEmail });
  }
  return out;
}
