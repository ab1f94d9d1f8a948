import "server-only";
import { getDb, type ResourceType } from "@/lib/db";
import { AppError } from "@/lib/util/errors";
import type { Actor } from "./actor";
import { memberWorkspacesWhere, userKey } from "./grantee-keys";
import { grantTargets, liveGrantWhere } from "./grants";
import { linkCovers } from "./link-scope";
import type { Resource } from "./resources";
import {
  type Capability,
  type EffectiveRole,
  OWNER_ONLY_MESSAGE,
  VIEW_ONLY_MESSAGE,
  allows,
  existenceCapability,
  highestRole,
  memberRoleToEffective,
  shareRoleToEffective,
} from "./roles";

const REFUSALS: Record<Capability, string> = {
  summarise: "Not found",
  view: "Not found",
  read: VIEW_ONLY_MESSAGE,
  write: "You have read-only access here.",
  manage: OWNER_ONLY_MESSAGE,
  own: OWNER_ONLY_MESSAGE,
};

const targetKey = (type: string, id: string) => `${type}:${id}`;

/** The actor's membership role in each of the resources' workspaces (one query). */
async function membershipRoles(actor: Actor, resources: Resource[]): Promise<Map<string, EffectiveRole>> {
  const rows = await getDb().membership.findMany({
    where: { userId: actor.id, workspaceId: { in: [...new Set(resources.map((r) => r.workspaceId))] } },
    select: { workspaceId: true, role: true },
  });
  return new Map(rows.map((m) => [m.workspaceId, memberRoleToEffective(m.role)]));
}

/** Prisma `where` matching grants on any grant target of the resources (the resource or a container above it). */
function targetsWhere(resources: Resource[]) {
  const idsByType = new Map<ResourceType, Set<string>>();
  for (const r of resources) {
    for (const t of grantTargets(r)) {
      const ids = idsByType.get(t.resourceType) ?? new Set<string>();
      ids.add(t.resourceId);
      idsByType.set(t.resourceType, ids);
    }
  }
  return { OR: [...idsByType].map(([resourceType, ids]) => ({ resourceType, resourceId: { in: [...ids] } })) };
}

const grantSelect = { resourceType: true, resourceId: true, role: true } as const;

/**
 * The highest live grant role per grant target ("type:id"), for every target of the resources:
 * grants to the actor and to every workspace they belong to (grantsToActorWhere's rule). Two
 * indexed reads asked at once rather than one OR across both kinds of grantee, which makes the
 * databases read every grant on the targets (a folder shared with thousands of addresses): the
 * actor's own grants by key, and the grants held by their workspaces, reached from those workspaces.
 */
async function grantRoles(actor: Actor, resources: Resource[]): Promise<Map<string, EffectiveRole>> {
  const targets = targetsWhere(resources);
  const live = liveGrantWhere();
  const [own, workspaces] = await Promise.all([
    getDb().share.findMany({
      where: { AND: [targets, { granteeKey: userKey(actor.id) }, live] },
      select: grantSelect,
    }),
    getDb().workspace.findMany({
      where: memberWorkspacesWhere(actor),
      select: { receivedShares: { where: { AND: [targets, live] }, select: grantSelect } },
    }),
  ]);
  const roles = new Map<string, EffectiveRole>();
  for (const g of [...own, ...workspaces.flatMap((w) => w.receivedShares)]) {
    const key = targetKey(g.resourceType, g.resourceId);
    roles.set(key, highestRole(roles.get(key) ?? null, shareRoleToEffective(g.role))!);
  }
  return roles;
}

/**
 * The actor's effective role on each of many resources, by the same rule as getEffectiveRole
 * (membership, live grants on the resource or any ancestor, public visibility; a link visitor
 * reads exactly what the link covers) in at most two queries whatever their number: bulk
 * operations on a thousand files check access once, not once per file. Read fresh on every call.
 */
export async function getEffectiveRoles(actor: Actor, resources: Resource[]): Promise<(EffectiveRole | null)[]> {
  return (await effectiveRolesAndMemberships(actor, resources)).roles;
}

/**
 * getEffectiveRoles, with the membership roles it read on the way (workspace id → role; the
 * owner's own workspaces are not in it): callers that also need membership (workspaceVisibility)
 * derive it from this one read instead of asking again.
 */
export async function effectiveRolesAndMemberships(
  actor: Actor,
  resources: Resource[],
): Promise<{ roles: (EffectiveRole | null)[]; memberships: Map<string, EffectiveRole> }> {
  // Through an access link the visitor reads exactly what the link covers, and never writes;
  // a link without downloads only views.
  if (actor.link) {
    const linkRole: EffectiveRole = actor.link.allowDownload ? "viewer" : "viewonly";
    return { roles: resources.map((r) => (linkCovers(actor.link!, r) ? linkRole : null)), memberships: new Map() };
  }
  // Nothing ranks above the owner: their resources need no query.
  const others = resources.filter((r) => r.workspaceOwnerId !== actor.id);
  if (others.length === 0) return { roles: resources.map(() => "owner"), memberships: new Map() };
  // Membership and grants are independent reads: asked at once, the check costs one round trip.
  const [memberships, grants] = await Promise.all([membershipRoles(actor, others), grantRoles(actor, others)]);
  const roles = resources.map((r) =>
    highestRole(
      r.workspaceOwnerId === actor.id ? "owner" : null,
      memberships.get(r.workspaceId) ?? null,
      ...grantTargets(r).map((t) => grants.get(targetKey(t.resourceType, t.resourceId)) ?? null),
      r.type === "dataset" && r.visibility === "public" ? "viewer" : null,
    ),
  );
  return { roles, memberships };
}

/**
 * Rule: assertCan for many resources at once, all or nothing. If any of them cannot be viewed the
 * whole request is 404 (an invisible item does not exist for the actor); if any can be viewed but
 * not used as asked (downloaded by a view-only grantee, changed by a reader) it is 403 (assertCan
 * is this rule for one resource). Returns each resource's role.
 */
export async function assertCanAll(
  actor: Actor,
  capability: Capability,
  resources: Resource[],
): Promise<EffectiveRole[]> {
  const roles = await getEffectiveRoles(actor, resources);
  if (roles.some((role) => !allows(role, existenceCapability(capability))))
    throw new AppError("not_found", "Not found");
  if (roles.some((role) => !allows(role, capability))) throw new AppError("forbidden", REFUSALS[capability]);
  return roles as EffectiveRole[];
}
