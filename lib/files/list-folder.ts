import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { visibleChildrenWhere } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import type { FolderPage } from "./entry-types";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { LIST_PAGE_SIZE } from "./limits";
import { loadEntry } from "./load-entry";

export const listFolderInput = z.object({
  sort: z.enum(["name", "size", "type", "modified"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(LIST_PAGE_SIZE),
  kind: z.enum(["folder", "file"]).optional(),
});

const SORT_COLUMN = { name: "nameLower", size: "size", type: "mimeType", modified: "modifiedAt" } as const;

/**
 * One page of a folder's contents, folders first, then by the chosen column (ties by name).
 * Offset paging: folders have no size or type, and keyset paging over NULLs is not portable.
 */
export async function listFolder(actor: Actor, folderId: string, input: z.input<typeof listFolderInput> = {}): Promise<FolderPage> {
  const { sort, dir, offset, limit, kind } = listFolderInput.parse(input);
  const folder = await loadEntry(actor, folderId, "read", { kind: "folder" });
  const where = { AND: [await visibleChildrenWhere(actor, folder, folder.role), kind ? { kind } : {}] };
  const orderBy = [{ kind: "desc" as const }, { [SORT_COLUMN[sort]]: dir }, { nameLower: "asc" as const }, { id: "asc" as const }];
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.fileEntry.findMany({ where, orderBy, skip: offset, take: limit, include: ENTRY_ROW_INCLUDE }),
    db.fileEntry.count({ where }),
  ]);
  const next = offset + rows.length;
  return { entries: rows.map(toEntryRow), total, nextOffset: next < total ? next : null };
}
