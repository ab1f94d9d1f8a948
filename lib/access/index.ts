export { accountIdOf, linkActor, type Actor, type LinkScope, type LinkVisitor, type UserActor } from "./actor";
export { linkCovers } from "./link-scope";
export * from "./roles";
export {
  assertCanWorkspace,
  getWorkspaceRole,
  memberWorkspacesWhere,
  workspaceResource,
  type WorkspaceRef,
} from "./workspace";
export { workspaceVisibility, type WorkspaceScope, type WorkspaceVisibility } from "./workspace-visibility";
export { assertAccess, assertCan, getEffectiveRole, type Resource } from "./resources";
export { memberControls } from "./member-controls";
export { assertCanAll, getEffectiveAccess, getEffectiveRoles, type Access } from "./effective-roles";
export { VIEW_ONLY_PAGE_SIZE, VIEW_ONLY_ROW_WINDOW, viewOnlyRowWindow, type RowWindow } from "./view-only-rows";
export { discoverableDatasetsWhere, listedCardVisible } from "./listed";
