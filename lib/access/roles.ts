/**
 * Effective roles, lowest to highest. Workspace membership maps onto them: member → editor,
 * admin → manager, owner → owner. (Grants from the sharing feature add viewer/editor.)
 */
export const ROLE_RANK = { viewer: 1, editor: 2, manager: 3, owner: 4 } as const;
export type EffectiveRole = keyof typeof ROLE_RANK;

export type Action = "workspace.read" | "workspace.write" | "workspace.manage" | "workspace.delete";

/** The lowest role that may perform each action. Managers (owner, admins) alone manage access. */
export const REQUIRED_ROLE: Record<Action, EffectiveRole> = {
  "workspace.read": "viewer",
  "workspace.write": "editor",
  "workspace.manage": "manager",
  "workspace.delete": "owner",
};

export function roleAllows(role: EffectiveRole | null, action: Action): boolean {
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[REQUIRED_ROLE[action]];
}

export function memberRoleToEffective(role: string): EffectiveRole {
  return role === "admin" ? "manager" : "editor";
}

export const OWNER_ONLY_MESSAGE = "Access can be managed by the owner only.";
