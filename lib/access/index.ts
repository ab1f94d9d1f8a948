export type { Actor } from "./actor";
export * from "./roles";
export { assertCanWorkspace, getWorkspaceRole, memberWorkspacesWhere, type WorkspaceRef } from "./workspace";
export { allows, assertCan, getEffectiveRole, type Capability, type Resource } from "./resources";
