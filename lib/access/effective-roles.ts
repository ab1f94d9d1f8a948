import "server-only";
import { getDb, type ResourceType } from "@/lib/db";
import { type Scope, parseStoredScope } from "@/lib/scopes";
import { AppError } from "@/lib/util/errors";
import type { Actor } from "./actor";
import { actorWorkspaces, granteeKeys, workspaceIdsOf } from "./grantee-keys";
import { grantTargets, liveGrantWhere } from "./grants";
import { linkCovers } from "./link-scope";
import type { Resource } from "./resources";
import {
  type Capability,
  type EffectiveRole,
  OWNER_ONLY_MESSAGE,
  ROLE_RANK,
  atLeast,
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

const grantSelect = {
  resourceType: true,
  resourceId: true,
  role: true,
  scope: true,
  scopeBrokenAt: true,
  createdAt: true,
} as const;

/** What the actor may do on a resource, and the slice of it they are limited to (null: all of it). */
export type Access = { role: EffectiveRole; scope: Scope | null };

type ScopedGrant = { role: EffectiveRole; scope: Scope; createdAt: Date };

/** The actor's grants on each grant target: the highest unscoped role, and their scoped grants. */
type GrantRoles = { unscoped: Map<string, EffectiveRole>; scoped: Map<string, ScopedGrant[]> };

/**
 * The highest live grant role per grant target ("type:id"), for every target of the resources:
 * grants to the actor and to every workspace they belong to (grantsToActorWhere's rule, as the
 * list of their grantee keys). Looked up by target and key, both in the unique index on (target,
 * grantee key): a folder shared with thousands of e-mail addresses costs no more than one shared
 * with nobody. (Reaching the workspaces' grants through the relation made SQLite read every grant on
 * the targets and filter them: 9 ms per check with 20,000 pending invitations on a folder chain.)
 */
async function grantRoles(actor: Actor, resources: Resource[], workspaceIds: string[]): Promise<GrantRoles> {
  const unscoped = new Map<string, EffectiveRole>();
  const scoped = new Map<string, ScopedGrant[]>();
  if (resources.length === 0) return { unscoped, scoped };
  const grants = await getDb().share.findMany({
    where: {
      AND: [targetsWhere(resources), { granteeKey: { in: granteeKeys(actor, workspaceIds) } }, liveGrantWhere()],
    },
    select: grantSelect,
  });
  for (const g of grants) {
    const key = targetKey(g.resourceType, g.resourceId);
    const role = shareRoleToEffective(g.role);
    const scope = parseStoredScope(g.scope);
    if (scope === null) unscoped.set(key, highestRole(unscoped.get(key) ?? null, role)!);
    // A slice a new version broke (or that no longer reads) serves nothing: never the whole dataset.
    else if (scope !== "broken" && !g.scopeBrokenAt)
      scoped.set(key, [...(scoped.get(key) ?? []), { role, scope, createdAt: g.createdAt }]);
  }
  return { unscoped, scoped };
}

/**
 * Rule: how grants combine into one access. The role is the highest of all of them. The scope is
 * null (all of it) when an unscoped source (ownership, membership, an unscoped grant, public
 * visibility) gives that same role; otherwise it is the scope of the newest scoped grant at that
 * role. Scopes are never united: two slices never add up to more than one of them shows.
 */
function combine(unscopedRole: EffectiveRole | null, scopedGrants: ScopedGrant[]): Access | null {
  const best = scopedGrants
    .filter((g) => !unscopedRole || !atLeast(unscopedRole, g.role))
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (best) return { role: best.role, scope: best.scope };
  return unscopedRole ? { role: unscopedRole, scope: null } : null;
}

/**
 * The actor's effective role on each of many resources, by the same rule as getEffectiveRole
 * (membership, live grants on the resource or any ancestor, public visibility; a link visitor
 * reads exactly what the link covers) in at most three indexed statements, in two round trips,
 * whatever their number: bulk operations on a thousand files check access once, not once per
 * file. Read fresh on every call.
 */
export async function getEffectiveRoles(actor: Actor, resources: Resource[]): Promise<(EffectiveRole | null)[]> {
  return (await effectiveRolesAndMemberships(actor, resources)).roles;
}

/**
 * getEffectiveRoles with the scope that applies to each resource (see combine; a link's scope
 * for its visitors): every read of rows takes its slice from here, nowhere else.
 */
export async function getEffectiveAccess(actor: Actor, resources: Resource[]): Promise<(Access | null)[]> {
  const { roles, scopes } = await effectiveRolesAndMemberships(actor, resources);
  return roles.map((role, i) => (role ? { role, scope: scopes[i] ?? null } : null));
}

/**
 * getEffectiveRoles, with the membership roles it read on the way (workspace id → role; the
 * owner's own workspaces are not in it): callers that also need membership (workspaceVisibility)
 * derive it from this one read instead of asking again.
 */
export async function effectiveRolesAndMemberships(
  actor: Actor,
  resources: Resource[],
): Promise<{
  roles: (EffectiveRole | null)[];
  scopes: (Scope | null)[];
  memberships: Map<string, EffectiveRole>;
}> {
  // Through an access link the visitor reads exactly what the link covers, and never writes;
  // a link without downloads only views. A dataset link's slice limits what it shows.
  if (actor.link) {
    const link = actor.link;
    const linkRole: EffectiveRole = link.allowDownload ? "viewer" : "viewonly";
    const covered = resources.map((r) => linkCovers(link, r) && link.scope !== "broken");
    return {
      roles: covered.map((c) => (c ? linkRole : null)),
      scopes: resources.map((r, i) => (covered[i] && r.type === "dataset" ? ((link.scope as Scope) ?? null) : null)),
      memberships: new Map(),
    };
  }
  // Nothing ranks above the owner: their resources need no query.
  const others = resources.filter((r) => r.workspaceOwnerId !== actor.id);
  if (others.length === 0)
    return { roles: resources.map(() => "owner"), scopes: resources.map(() => null), memberships: new Map() };
  // The actor's workspaces (with their membership roles) first, then, only for resources in a
  // workspace they do not belong to, the grants that reach them. A member needs no grant lookup:
  // membership gives editor or more, which no grant exceeds (so no slice applies either), and
  // public visibility gives only viewer.
  const workspaces = await actorWorkspaces(actor);
  const memberships = new Map<string, EffectiveRole>();
  for (const r of others) {
    const role = workspaces.memberships.get(r.workspaceId);
    if (role) memberships.set(r.workspaceId, memberRoleToEffective(role));
  }
  const grants = await grantRoles(
    actor,
    others.filter((r) => !memberships.has(r.workspaceId)),
    workspaceIdsOf(workspaces),
  );
  const access = resources.map((r) => {
    const targets = grantTargets(r).map((t) => targetKey(t.resourceType, t.resourceId));
    const unscopedRole = highestRole(
      r.workspaceOwnerId === actor.id ? "owner" : null,
      memberships.get(r.workspaceId) ?? null,
      ...targets.map((k) => grants.unscoped.get(k) ?? null),
      r.type === "dataset" && r.visibility === "public" ? "viewer" : null,
    );
    // Only dataset grants carry a slice (the share action refuses one anywhere else).
    const scoped = r.type === "dataset" ? targets.flatMap((k) => grants.scoped.get(k) ?? []) : [];
    return combine(unscopedRole, scoped);
  });
  return {
    roles: access.map((a) => a?.role ?? null),
    scopes: access.map((a) => a?.scope ?? null),
    memberships,
  };
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
  return (await assertAccessAll(actor, capability, resources)).map((a) => a.role);
}

/** assertCanAll, with the scope each resource is limited to for this actor (see getEffectiveAccess). */
export async function assertAccessAll(actor: Actor, capability: Capability, resources: Resource[]): Promise<Access[]> {
  const access = await getEffectiveAccess(actor, resources);
  if (access.some((a) => !allows(a?.role ?? null, existenceCapability(capability))))
    throw new AppError("not_found", "Not found");
  if (access.some((a) => !allows(a!.role, capability))) throw new AppError("forbidden", REFUSALS[capability]);
  return access as Access[];
}
