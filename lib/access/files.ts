import "server-only";
import { type Db, getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { actorGranteeKeys } from "./grantee-keys";
import { hasGrantInside, liveGrantWhere } from "./grants";
import { getEffectiveRole, type Resource } from "./resources";
import { type EffectiveRole, allows } from "./roles";
import { topmostOnly } from "@/lib/files/topmost";

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
 * Rule: every listing of a folder's contents goes through here. An actor who can view the folder
 * (workspace membership, or a grant on it or any ancestor, since grants cascade down) sees all
 * of its entries that are not in the trash. At the workspace's top folder, a grantee who cannot
 * read it sees the topmost items shared with them (topmostSharedWhere), wherever they are; in any
 * other folder they cannot read they see nothing, even if something deeper is shared with them
 * (it is reached by its own URL or from the top folder, never by listing unreadable folders).
 */
export async function visibleChildrenWhere(
  actor: Actor,
  folder: FileEntryRef & WorkspaceOwnerRef,
  role?: EffectiveRole | null,
): Promise<FileEntryWhere> {
  const effective = role === undefined ? await getEffectiveRole(actor, fileEntryResource(folder, folder)) : role;
  if (allows(effective, "view")) return { workspaceId: folder.workspaceId, parentId: folder.id, trashedAt: null };
  if (isRootFolder(folder)) return topmostSharedWhere(actor, folder.workspaceId);
  return NOTHING;
}

/** The same rule for a whole subtree (folder ZIP downloads, so it needs "read": view-only sees nothing here). */
export async function visibleSubtreeWhere(
  actor: Actor,
  folder: FileEntryRef & WorkspaceOwnerRef,
  role?: EffectiveRole | null,
): Promise<FileEntryWhere> {
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

/** Whether a folder is its workspace's top folder (the only entry whose ancestry is "/"). */
export function isRootFolder(folder: { ancestry: string }): boolean {
  return folder.ancestry === "/";
}

/**
 * Rule: the folders and files of a workspace shared with the actor by a live grant (directly or
 * through one of their workspaces) that are not inside another such item: what a grantee who is
 * not a member sees at the workspace's top folder. Never for access-link visitors (a link shows
 * only its own resource). Grants are few per user and workspace, so the topmost ones are chosen
 * here and returned as an id list.
 */
export async function topmostSharedWhere(actor: Actor, workspaceId: string): Promise<FileEntryWhere> {
  if (actor.link) return NOTHING;
  const granted = await getDb().fileEntry.findMany({
    where: {
      workspaceId,
      trashedAt: null,
      shares: { some: { granteeKey: { in: await actorGranteeKeys(actor) }, ...liveGrantWhere() } },
    },
    select: { id: true, ancestry: true },
  });
  const ids = topmostOnly(granted).map((e) => e.id);
  return ids.length ? { workspaceId, id: { in: ids }, trashedAt: null } : NOTHING;
}

/**
 * Rule: who may open a folder's listing. An actor who can read the folder sees its contents
 * (visibleChildrenWhere); a signed-in user who cannot read the workspace's top folder but holds
 * a live grant on something in the workspace may open the top folder, where they see only the
 * topmost items shared with them ("browse" mode, no other content, no writes). Everyone else
 * gets null (the caller answers 404).
 */
export async function folderListingMode(
  actor: Actor,
  folder: FileEntryRef & WorkspaceOwnerRef,
  role: EffectiveRole | null,
): Promise<"full" | "shared" | null> {
  if (allows(role, "view")) return "full";
  if (isRootFolder(folder) && !actor.link && (await hasGrantInside(actor, folder.workspaceId))) return "shared";
  return null;
}
