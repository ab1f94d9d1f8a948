import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { findChildByName } from "./clash";
import { loadEntry } from "./load-entry";
import { validateRelativePath } from "./names";

export const findUploadClashesInput = z.object({
  folderId: z.string().min(1),
  paths: z.array(z.string()).min(1).max(10_000),
});

/**
 * Before an upload starts: which of these relative paths ("a.csv", "photos/b.jpg") already name
 * something in the folder, so the user can choose keep both / replace / skip once for all.
 * Invalid names are refused here already, with the same message the upload would get.
 */
export async function findUploadClashes(
  actor: Actor,
  input: z.input<typeof findUploadClashesInput>,
): Promise<{ clashes: string[] }> {
  const { folderId, paths } = findUploadClashesInput.parse(input);
  const folder = await loadEntry(actor, folderId, "write", { kind: "folder" });
  const db = getDb();
  // Folder path → its id (null: does not exist yet, so nothing below it can clash).
  const folders = new Map<string, string | null>([["", folder.id]]);
  const folderAt = async (segments: string[]): Promise<string | null> => {
    const key = segments.join("/");
    if (folders.has(key)) return folders.get(key)!;
    const parentId = await folderAt(segments.slice(0, -1));
    const entry = parentId
      ? await findChildByName(db, { workspaceId: folder.workspaceId, parentId }, segments.at(-1)!)
      : null;
    const id = entry?.kind === "folder" ? entry.id : null;
    folders.set(key, id);
    return id;
  };
  const clashes: string[] = [];
  for (const path of paths) {
    const segments = validateRelativePath(path, "paths");
    const parentId = await folderAt(segments.slice(0, -1));
    if (parentId && (await findChildByName(db, { workspaceId: folder.workspaceId, parentId }, segments.at(-1)!)))
      clashes.push(segments.join("/"));
  }
  return { clashes };
}
