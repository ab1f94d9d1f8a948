import "server-only";
import { type Scope, parseStoredScope } from "@/lib/scopes";
import { AppError } from "@/lib/util/errors";
import type { Actor } from "./actor";
import { type GrantRow, accessRows } from "./access-rows";
import { grantTargets } from "./grants";
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

/** What the actor may do on a resource, and the slice of it they are limited to (null: all of it). */
export type Access = { role: EffectiveRole; scope: Scope | null };

type ScopedGrant = { role: EffectiveRole; scope: Scope; createdAt: Date };

/** The actor's grants on each grant target: the highest unscoped role, and their scoped grants. */
type GrantRoles = { unscoped: Map<string, EffectiveRole>; scoped: Map<string, ScopedGrant[]> };

/**
 * The highest unscoped grant role per grant target ("type:id"), and the serving scoped grants per
 * target, from the grant rows accessRows read (live, to the actor or one of their workspaces).
 */
function grantRoles(rows: GrantRow[]): GrantRoles {
  const unscoped = new Map<string, EffectiveRole>();
  const scoped = new Map<string, ScopedGrant[]>();
  for (const g of rows) {
    const key = targetKey(g.resourceType, g.resourceId);
    const role = shareRoleToEffective(g.role);
    const scope = parseStoredScope(g.scope);
    if (scope === null) unscoped.set(key, highestRole(unscoped.get(key) ?? null, role)!);
    // A slice a new version broke (accessRows leaves those out) or that no longer reads serves nothing: never the whole dataset.
    else if (scope !== "broken") {
      const list = scoped.get(key);
      if (list) list.push({ role, scope, createdAt: g.createdAt });
      else scoped.set(key, [{ role, scope, createdAt: g.createdAt }]);
    }
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
 * reads exactly what the link covers) in one indexed statement (accessRows), whatever their
 * number: bulk operations on a thousand files check access once, not once per file. Read fresh
 * on every call.
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
  // The actor's memberships in the resources' workspaces and the grants that reach them, in one
  // statement. A member's grants change nothing: membership gives editor or more, which no grant
  // exceeds (so no slice applies either), and public visibility gives only viewer; they are not used.
  const rows = await accessRows(actor, others);
  const memberships = new Map<string, EffectiveRole>();
  for (const m of rows.memberships) memberships.set(m.workspaceId, memberRoleToEffective(m.role));
  const grants = grantRoles(rows.grants);
  const access = resources.map((r) => {
    const targets = memberships.has(r.workspaceId)
      ? []
      : grantTargets(r).map((t) => targetKey(t.resourceType, t.resourceId));
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
