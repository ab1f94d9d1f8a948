import "server-only";
import { type Actor, allows } from "@/lib/access";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import type { Capabilities, Crumb, EntryRow } from "./entry-types";
import { slotIn } from "./entry-model";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { loadEntry } from "./load-entry";
import { nameKey } from "./names";
import { getRootFolder } from "./root-folder";

export type FolderView = {
  folder: { id: string; name: string };
  rootId: string;
  /** root first; the root's name is "" */
  crumbs: Crumb[];
  capabilities: Capabilities;
  /** set when the path ends at a file: the browser opens its preview */
  file: EntryRow | null;
};

/**
 * Resolves a files URL (/files/reports/2026) to a folder, name by name from the workspace root.
 * A path ending at a file resolves to its folder with that file selected. Unknown and
 * unreadable paths are the same 404.
 */
export async function getFolderView(actor: Actor, workspaceId: string, segments: string[]): Promise<FolderView> {
  const root = await getRootFolder(workspaceId);
  const db = getDb();
  const crumbs: Crumb[] = [{ id: root.id, name: "" }];
  let folderId = root.id;
  let fileId: string | null = null;
  for (const [i, segment] of segments.entries()) {
    const entry = await db.fileEntry.findUnique({
      where: { workspaceId_slot_nameLower: { workspaceId, slot: slotIn(folderId), nameLower: nameKey(segment.normalize("NFC")) } },
      select: { id: true, kind: true, name: true, trashedAt: true },
    });
    if (!entry || entry.trashedAt) throw notFound("Folder not found");
    if (entry.kind === "file") {
      if (i !== segments.length - 1) throw notFound("Folder not found");
      fileId = entry.id;
      break;
    }
    crumbs.push({ id: entry.id, name: entry.name });
    folderId = entry.id;
  }
  const folder = await loadEntry(actor, folderId, "read", { kind: "folder" });
  const file = fileId ? await db.fileEntry.findUniqueOrThrow({ where: { id: fileId }, include: ENTRY_ROW_INCLUDE }) : null;
  return {
    folder: { id: folder.id, name: folder.name },
    rootId: root.id,
    crumbs,
    capabilities: { write: allows(folder.role, "write"), manage: allows(folder.role, "manage") },
    file: file ? toEntryRow(file) : null,
  };
}
