import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { visibleChildrenWhere } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import type { FolderPage } from "./entry-types";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { LIST_PAGE_SIZE } from "./limits";
import { entryLocations } from "./entry-locations";
import { openFolder } from "./open-folder";

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
 * For a grantee at the workspace's top folder, the page holds what is shared with them, each
 * item with its location (see visibleChildrenWhere).
 */
export async function listFolder(
  actor: Actor,
  folderId: string,
  input: z.input<typeof listFolderInput> = {},
): Promise<FolderPage> {
  const { sort, dir, offset, limit, kind } = listFolderInput.parse(input);
  const folder = await openFolder(actor, folderId);
  const where = { AND: [await visibleChildrenWhere(actor, folder, folder.role), kind ? { kind } : {}] };
  const orderBy = [
    { kind: "desc" as const },
    { [SORT_COLUMN[sort]]: dir },
    { nameLower: "asc" as const },
    { id: "asc" as const },
  ];
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.fileEntry.findMany({ where, orderBy, skip: offset, take: limit, include: ENTRY_ROW_INCLUDE }),
    db.fileEntry.count({ where }),
  ]);
  const next = offset + rows.length;
  const locations = folder.mode === "shared" ? await entryLocations(rows) : null;
  const entries = rows.map((row) => ({
    ...toEntryRow(row),
    ...(locations ? { location: locations.get(row.id) ?? [] } : {}),
  }));
  return { entries, total, nextOffset: next < total ? next : null };
}
