import "server-only";
import { type Actor, type EffectiveRole, getEffectiveRole } from "@/lib/access";
import { fileEntryResource, folderListingMode } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import type { FileEntryRecord } from "./entry-model";

export type OpenedFolder = FileEntryRecord & {
  workspaceOwnerId: string;
  role: EffectiveRole | null;
  mode: "full" | "shared";
};

/**
 * A folder whose listing the actor may open (see folderListingMode in lib/access/files):
 * "full" for readers, "shared" for a grantee at the workspace's top folder. Unknown, trashed and
 * unreadable folders are the same 404.
 */
export async function openFolder(actor: Actor, folderId: string): Promise<OpenedFolder> {
  const row = folderId
    ? await getDb().fileEntry.findUnique({
        where: { id: folderId },
        include: { workspace: { select: { ownerId: true } } },
      })
    : null;
  if (!row || row.kind !== "folder" || row.trashedAt) throw notFound("Folder not found");
  const { workspace, ...entry } = row;
  const ref = { ...entry, workspaceOwnerId: workspace.ownerId };
  const role = await getEffectiveRole(actor, fileEntryResource(entry, ref));
  const mode = await folderListingMode(actor, ref, role);
  if (!mode) throw notFound("Folder not found");
  return { ...ref, role, mode };
}
