import "server-only";
import { type Actor, getWorkspaceRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { listFolder, listFolderInput } from "@/lib/files/list-folder";
import { findRootFolder, getRootFolder } from "@/lib/files/root-folder";
import { notFound } from "@/lib/util/errors";

/** Folder listing parameters: the file browser's own (sort, dir, offset, limit, kind). */
export const folderQuerySchema = listFolderInput;

/**
 * The top folder of a workspace's file storage, listed through the files service (which checks
 * read access through lib/access; a grantee sees what is shared with them). The top folder is
 * created on first use only for a member of the workspace, never by a stranger's request.
 */
export async function listWorkspaceFiles(actor: Actor, workspaceId: string, query: unknown) {
  const workspace = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, ownerId: true },
  });
  if (!workspace) throw notFound("Workspace not found");
  const root = (await getWorkspaceRole(actor, workspace))
    ? await getRootFolder(workspace.id)
    : await findRootFolder(workspace.id);
  if (!root) throw notFound("Folder not found");
  return { folderId: root.id, ...(await listFolder(actor, root.id, folderQuerySchema.parse(query))) };
}
