/**
 * Effective roles, lowest to highest. Workspace membership maps onto them (memberRoleToEffective):
 * member → editor, admin → manager, owner → owner. Grants from the sharing feature add aggregate
 * ("Totals only": grouped summaries, never rows), viewonly (can view, cannot download), viewer and
 * editor; an access link gives viewer, or viewonly when it does not allow downloads.
 */
export const ROLE_RANK = { aggregate: 0, viewonly: 1, viewer: 2, editor: 3, manager: 4, owner: 5 } as const;
export type EffectiveRole = keyof typeof ROLE_RANK;

/**
 * The one vocabulary of what may be done, on any resource (workspace, dataset, folder, file):
 * view (list, open, the grid, statistics, previews, schema, versions: what is shown on screen),
 * read (view plus taking the data away: downloads, exports, ZIP, raw file bytes, bulk formats),
 * write (change content), manage (share, list grants, revoke, links, visibility, workspace
 * settings and members) and own (what only the workspace owner does: deleting it).
 * Anything that hands out bytes asserts "read", so a path that forgets to choose fails closed.
 * summarise (grouped totals over groups of at least the grant's minimum size, lib/aggregate) is
 * the one thing below view: a totals-only grantee holds it and nothing else, so every row path,
 * which asserts view or more, refuses them.
 */
export type Capability = "summarise" | "view" | "read" | "write" | "manage" | "own";

/** The lowest role that holds each capability. Managers (owner, admins) alone manage access. */
export const REQUIRED_ROLE: Record<Capability, EffectiveRole> = {
  summarise: "aggregate",
  view: "viewonly",
  read: "viewer",
  write: "editor",
  manage: "manager",
  own: "owner",
};

/** Rule: a role holds a capability when it ranks at least as high as the capability requires; no role holds nothing. */
export function allows(role: EffectiveRole | null, capability: Capability): boolean {
  return role !== null && atLeast(role, REQUIRED_ROLE[capability]);
}

/** Whether `role` ranks at least as high as `than` (e.g. an existing grant already covers a new one). */
export function atLeast(role: EffectiveRole, than: EffectiveRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[than];
}

/** The highest of some roles (null when there is none): effective roles combine this way. */
export function highestRole(...roles: (EffectiveRole | null)[]): EffectiveRole | null {
  return roles.reduce<EffectiveRole | null>((best, r) => (r && (!best || !atLeast(best, r)) ? r : best), null);
}

/** The one mapping from a workspace membership ("admin" or "member") to its effective role. */
export function memberRoleToEffective(role: string): EffectiveRole {
  return role === "admin" ? "manager" : "editor";
}

export const OWNER_ONLY_MESSAGE = "Access can be managed by the owner only.";
export const VIEW_ONLY_MESSAGE = "You can view this but not download it.";

/**
 * Rule: the capability without which a resource does not exist for the actor (404) when they ask
 * for `capability`. It is view for everything except a summary: to a totals-only grantee the rows,
 * downloads and statistics of a dataset are as absent as for a stranger; only summarising stops at
 * summarise.
 */
export function existenceCapability(capability: Capability): Capability {
  return capability === "summarise" ? "summarise" : "view";
}

/** A grant's stored role (ShareRole) as an effective role; anything unknown counts as the weakest. */
export function shareRoleToEffective(role: string): EffectiveRole {
  return role === "editor" ? "editor" : role === "viewer" ? "viewer" : role === "viewonly" ? "viewonly" : "aggregate";
}
