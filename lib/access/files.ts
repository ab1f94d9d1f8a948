import "server-only";
import type { Db } from "@/lib/db";
import type { Actor } from "./actor";
import { allows, getEffectiveRole, type Resource } from "./resources";
import type { EffectiveRole } from "./roles";

/** A Prisma `where` on FileEntry (the same on SQLite and PostgreSQL). */
export type FileEntryWhere = NonNullable<NonNullable<Parameters<Db["fileEntry"]["findMany"]>[0]>["where"]>;

/** What access to a file entry is decided on. */
export type FileEntryRef = { id: string; kind: string; workspaceId: string; ancestry: string };
export type WorkspaceOwnerRef = { workspaceOwnerId: string };

/** "/root/a/b/" → ["root", "a", "b"] (outermost first). */
export function ancestorIdsOf(ancestry: string): string[] {
  return ancestry.split("/").filter(Boolean);
}

/** The ancestry of the entries directly inside `folder`: its own ancestry plus itself. */
export function childAncestryOf(folder: { id: string; ancestry: string }): string {
  return `${folder.ancestry}${folder.id}/`;
}

export function fileEntryResource(entry: FileEntryRef, { workspaceOwnerId }: WorkspaceOwnerRef): Resource {
  return {
    type: entry.kind === "folder" ? "folder" : "file",
    id: entry.id,
    workspaceId: entry.workspaceId,
    workspaceOwnerId,
    ancestorFolderIds: ancestorIdsOf(entry.ancestry),
  };
}

const NOTHING: FileEntryWhere = { id: { in: [] } };

/**
 * Rule: every listing of a folder's contents goes through here. An actor who can read the folder
 * (workspace membership, or a grant on it or any ancestor, since grants cascade down) sees all
 * of its entries that are not in the trash; anyone else sees nothing. Grants on individual
 * entries inside an unreadable folder would be added here, so no listing can forget them.
 */
export async function visibleChildrenWhere(actor: Actor, folder: FileEntryRef & WorkspaceOwnerRef, role?: EffectiveRole | null): Promise<FileEntryWhere> {
  const effective = role === undefined ? await getEffectiveRole(actor, fileEntryResource(folder, folder)) : role;
  if (!allows(effective, "read")) return NOTHING;
  return { workspaceId: folder.workspaceId, parentId: folder.id, trashedAt: null };
}

/** The same rule for a whole subtree (folder ZIP downloads): every live entry below the folder. */
export async function visibleSubtreeWhere(actor: Actor, folder: FileEntryRef & WorkspaceOwnerRef, role?: EffectiveRole | null): Promise<FileEntryWhere> {
  const effective = role === undefined ? await getEffectiveRole(actor, fileEntryResource(folder, folder)) : role;
  if (!allows(effective, "read")) return NOTHING;
  return { workspaceId: folder.workspaceId, ancestry: { startsWith: childAncestryOf(folder) }, trashedAt: null };
}

/**
 * Rule: the trash of a workspace (what was deleted by itself, not the contents of deleted
 * folders) is listed to those who may write in the workspace's root folder: they are the ones
 * who delete. Restoring and emptying additionally need "manage" (checked by those services).
 */
export async function visibleTrashWhere(actor: Actor, root: FileEntryRef & WorkspaceOwnerRef): Promise<FileEntryWhere> {
  const role = await getEffectiveRole(actor, fileEntryResource(root, root));
  if (!allows(role, "write")) return NOTHING;
  return { workspaceId: root.workspaceId, trashedAt: { not: null }, slot: { startsWith: "trash:" } };
}
