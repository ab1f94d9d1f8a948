/**
 * Effective roles, lowest to highest. Workspace membership maps onto them (memberRoleToEffective):
 * member → editor, admin → manager, owner → owner. Grants from the sharing feature add viewer/editor.
 */
export const ROLE_RANK = { viewer: 1, editor: 2, manager: 3, owner: 4 } as const;
export type EffectiveRole = keyof typeof ROLE_RANK;

/**
 * The one vocabulary of what may be done, on any resource (workspace, dataset, folder, file):
 * read (list, open, query, download), write (change content), manage (share, list grants, revoke,
 * links, visibility, workspace settings and members) and own (what only the workspace owner does:
 * deleting it).
 */
export type Capability = "read" | "write" | "manage" | "own";

/** The lowest role that holds each capability. Managers (owner, admins) alone manage access. */
export const REQUIRED_ROLE: Record<Capability, EffectiveRole> = {
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
