import "server-only";
import { getDb, type ResourceType, type ShareRole } from "@/lib/db";
import { grantLastUses } from "./grant-last-use";

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

/**
 * The workspace's live grants and access links nobody used since `cutoff`. Rules: a link is used
 * when it was opened (lastUsedAt); a grant as grantLastUses says. Anything made, or kept in a
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

  const lastUses = await grantLastUses(workspaceId, grants);

  const out: (UnusedGrant | UnusedLink)[] = [];
  for (const g of grants) {
    const lastUsedAt = lastUses.get(g.id) ?? null;
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
