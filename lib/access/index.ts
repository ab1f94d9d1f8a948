export { linkActor, type Actor, type LinkScope } from "./actor";
export { linkCovers } from "./link-scope";
export * from "./roles";
export { assertCanWorkspace, getWorkspaceRole, memberWorkspacesWhere, type WorkspaceRef } from "./workspace";
export { allows, assertCan, getEffectiveRole, type Capability, type Resource } from "./resources";
