import "server-only";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { liveGrantWhere } from "@/lib/access/grants";
import { getDb } from "@/lib/db";
import { loadSharedResources } from "@/lib/sharing/shared-resource";
import type { ResourceType } from "@/lib/sharing/schemas";
import { notFound } from "@/lib/util/errors";
import { loadPolicy } from "./load-policy";
import { type PolicyRule, latestEnd, policyBreaches } from "./rules";
import { shareSubject } from "./share-subject";

/** At most this many live links and grants are checked per listing (the oldest beyond it are not shown). */
const SCAN_LIMIT = 2000;

export type PolicyViolation = {
  kind: "link" | "grant";
  /** the link's or grant's id: what revoke and shorten act on */
  id: string;
  resource: { type: ResourceType; id: string; name: string; path: string };
  /** the link's label (or token prefix), or the grantee */
  name: string;
  expiresOn: string | null;
  breaches: { rule: PolicyRule; message: string }[];
  /** when the only broken rule is a lifetime: the end "Shorten" sets */
  shortenTo: string | null;
};

const LIFETIME_RULES: PolicyRule[] = ["link_lifetime", "external_grant_lifetime"];

/**
 * Live links and grants of a workspace that break its current sharing policy, for its managers
 * to fix (a new policy never changes existing access by itself). Managers only. Each entry names
 * the broken rules and, when shortening its end would fix it, the end to shorten it to.
 */
export async function listPolicyViolations(actor: Actor, workspaceId: string): Promise<PolicyViolation[]> {
  const db = getDb();
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, ownerId: true } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  const policy = await loadPolicy(workspace.id);
  const now = new Date();
  const [links, shares] = await Promise.all([
    db.accessLink.findMany({
      where: { workspaceId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      take: SCAN_LIMIT,
    }),
    db.share.findMany({
      where: { workspaceId, AND: liveGrantWhere(now) },
      orderBy: { createdAt: "asc" },
      take: SCAN_LIMIT,
    }),
  ]);

  const found: (Omit<PolicyViolation, "resource"> & { resourceType: ResourceType; resourceId: string })[] = [];
  for (const link of links) {
    const breaches = policyBreaches(
      policy,
      {
        kind: "link",
        mode: link.mode,
        hasPassword: Boolean(link.passwordHash),
        startsAt: link.startsAt,
        expiresAt: link.expiresAt,
      },
      now.getTime(),
    );
    if (!breaches.length) continue;
    const from = Math.max(now.getTime(), link.startsAt?.getTime() ?? 0);
    found.push({
      kind: "link",
      id: link.id,
      resourceType: link.resourceType,
      resourceId: link.resourceId,
      name: link.label || `${link.prefix}…`,
      expiresOn: link.expiresAt.toISOString(),
      breaches: breaches.map(({ rule, message }) => ({ rule, message })),
      shortenTo:
        policy.linkMaxDays !== null && breaches.every((b) => LIFETIME_RULES.includes(b.rule))
          ? latestEnd(policy.linkMaxDays, from).toISOString()
          : null,
    });
  }
  for (const share of shares) {
    const subject = await shareSubject(share);
    const breaches = policyBreaches(policy, subject, now.getTime());
    if (!breaches.length) continue;
    found.push({
      kind: "grant",
      id: share.id,
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      name: subject.label,
      expiresOn: share.expiresAt?.toISOString() ?? null,
      breaches: breaches.map(({ rule, message }) => ({ rule, message })),
      shortenTo:
        policy.externalGrantMaxDays !== null && breaches.every((b) => LIFETIME_RULES.includes(b.rule))
          ? latestEnd(policy.externalGrantMaxDays, now.getTime()).toISOString()
          : null,
    });
  }

  const resources = new Map<string, Awaited<ReturnType<typeof loadSharedResources>>>();
  for (const type of new Set(found.map((f) => f.resourceType))) {
    resources.set(
      type,
      await loadSharedResources(
        type,
        found.filter((f) => f.resourceType === type).map((f) => f.resourceId),
      ),
    );
  }
  return found.flatMap(({ resourceType, resourceId, ...v }) => {
    const r = resources.get(resourceType)?.get(resourceId);
    return r ? [{ ...v, resource: { type: resourceType, id: resourceId, name: r.name, path: r.path } }] : [];
  });
}
