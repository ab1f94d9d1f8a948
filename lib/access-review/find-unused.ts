import "server-only";
import { getDb, type ResourceType, type ShareRole } from "@/lib/db";

export type UnusedGrant = {
  kind: "share";
  id: string;
  resourceType: ResourceType;
  resourceId: string;
  granteeUserId: string | null;
  granteeEmail: string | null;
  granteeWorkspaceId: string | null;
  role: ShareRole;
  lastUsedAt: Date | null;
};

export type UnusedLink = {
  kind: "link";
  id: string;
  resourceType: ResourceType;
  resourceId: string;
  label: string | null;
  prefix: string;
  mode: string;
  allowDownload: boolean;
  lastUsedAt: Date | null;
};

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * The workspace's live grants and access links nobody used since `cutoff`. Rules: a link is used
 * when it was opened (lastUsedAt); a grant when its grantee (a person, or any member of a grantee
 * workspace) left any audit record on the granted resource, or, for a folder or workspace grant,
 * anywhere in the workspace. A pending invitation was never used. Anything made, or kept in a
 * review, after `cutoff` is not listed: it has not had the time to be used.
 */
export async function findUnusedAccess(
  workspaceId: string,
  cutoff: Date,
  now: Date,
): Promise<(UnusedGrant | UnusedLink)[]> {
  const db = getDb();
  const fresh = { OR: [{ reviewedAt: null }, { reviewedAt: { lt: cutoff } }] };
  const [grants, links] = await Promise.all([
    db.share.findMany({
      where: {
        workspaceId,
        sourceShareId: null,
        createdAt: { lt: cutoff },
        AND: [fresh, { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
      },
      orderBy: { createdAt: "asc" },
    }),
    db.accessLink.findMany({
      where: {
        workspaceId,
        revokedAt: null,
        expiresAt: { gt: now },
        createdAt: { lt: cutoff },
        AND: [fresh, { OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] }],
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);

  const granteeWorkspaceIds = [...new Set(grants.flatMap((g) => (g.granteeWorkspaceId ? [g.granteeWorkspaceId] : [])))];
  const teams = granteeWorkspaceIds.length
    ? await db.workspace.findMany({
        where: { id: { in: granteeWorkspaceIds } },
        select: { id: true, ownerId: true, members: { select: { userId: true } } },
      })
    : [];
  const teamOf = new Map(teams.map((w) => [w.id, [w.ownerId, ...w.members.map((m) => m.userId)]]));
  const actorsOf = (g: (typeof grants)[number]): string[] =>
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

  const out: (UnusedGrant | UnusedLink)[] = [];
  for (const g of grants) {
    const wide = g.resourceType === "workspace" || g.resourceType === "folder";
    let lastUsedAt: Date | null = null;
    for (const actor of actorsOf(g)) {
      const at = wide ? lastInWorkspace.get(actor) : lastOnResource.get(`${actor}:${g.resourceType}:${g.resourceId}`);
      lastUsedAt = later(lastUsedAt, at ?? null);
    }
    if (lastUsedAt && lastUsedAt >= cutoff) continue;
    out.push({
      kind: "share",
      id: g.id,
      resourceType: g.resourceType,
      resourceId: g.resourceId,
      granteeUserId: g.granteeUserId,
      granteeEmail: g.granteeEmail,
      granteeWorkspaceId: g.granteeWorkspaceId,
      role: g.role,
      lastUsedAt,
    });
  }
  for (const l of links)
    out.push({
      kind: "link",
      id: l.id,
      resourceType: l.resourceType,
      resourceId: l.resourceId,
      label: l.label,
      prefix: l.prefix,
      mode: l.mode,
      allowDownload: l.allowDownload,
      lastUsedAt: l.lastUsedAt,
    });
  return out;
}
