import "server-only";
import { getDb, type ResourceType } from "@/lib/db";

type Grant = {
  id: string;
  workspaceId: string;
  resourceType: ResourceType;
  resourceId: string;
  granteeUserId: string | null;
  granteeWorkspaceId: string | null;
};

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * When each grant (of one workspace) was last used, by grant id (null: never). Rule: a grant is
 * used when its grantee (the person, or any member of a grantee workspace) leaves an audit record
 * on the granted dataset or file, or for a folder or workspace grant anywhere in the workspace. A
 * pending e-mail grant has no grantee account yet: never used. Three queries whatever the count.
 */
export async function grantLastUses(workspaceId: string, grants: Grant[]): Promise<Map<string, Date | null>> {
  const db = getDb();
  const granteeWorkspaceIds = [...new Set(grants.flatMap((g) => (g.granteeWorkspaceId ? [g.granteeWorkspaceId] : [])))];
  const teams = granteeWorkspaceIds.length
    ? await db.workspace.findMany({
        where: { id: { in: granteeWorkspaceIds } },
        select: { id: true, ownerId: true, members: { select: { userId: true } } },
      })
    : [];
  const teamOf = new Map(teams.map((w) => [w.id, [w.ownerId, ...w.members.map((m) => m.userId)]]));
  const actorsOf = (g: Grant): string[] =>
    g.granteeUserId ? [g.granteeUserId] : g.granteeWorkspaceId ? (teamOf.get(g.granteeWorkspaceId) ?? []) : [];
  const actorIds = [...new Set(grants.flatMap(actorsOf))];
  const uses = actorIds.length
    ? await db.auditEvent.groupBy({
        by: ["actorId", "resourceType", "resourceId"],
        where: { workspaceId, actorId: { in: actorIds } },
        _max: { createdAt: true },
      })
    : [];
  const lastOnResource = new Map<string, Date>();
  const lastInWorkspace = new Map<string, Date>();
  for (const use of uses) {
    const at = use._max.createdAt;
    if (!use.actorId || !at) continue;
    const key = `${use.actorId}:${use.resourceType}:${use.resourceId}`;
    lastOnResource.set(key, later(lastOnResource.get(key) ?? null, at)!);
    lastInWorkspace.set(use.actorId, later(lastInWorkspace.get(use.actorId) ?? null, at)!);
  }
  const out = new Map<string, Date | null>();
  for (const g of grants) {
    const wide = g.resourceType === "workspace" || g.resourceType === "folder";
    let last: Date | null = null;
    for (const actor of actorsOf(g))
      last = later(
        last,
        (wide ? lastInWorkspace.get(actor) : lastOnResource.get(`${actor}:${g.resourceType}:${g.resourceId}`)) ?? null,
      );
    out.set(g.id, last);
  }
  return out;
}
