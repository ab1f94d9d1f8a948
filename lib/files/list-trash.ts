import "server-only";
import type { Actor } from "@/lib/access";
import { ancestorIdsOf, visibleTrashWhere } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import type { TrashRow } from "./entry-types";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { findRootFolder } from "./root-folder";

/** What was deleted in a workspace (each item deleted by itself), newest first, with where it was. */
export async function listTrash(actor: Actor, workspaceId: string): Promise<TrashRow[]> {
  const root = await findRootFolder(workspaceId);
  const workspace =
    root && (await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { ownerId: true } }));
  if (!root || !workspace) throw notFound("Workspace not found");
  const db = getDb();
  const rows = await db.fileEntry.findMany({
    where: await visibleTrashWhere(actor, { ...root, workspaceOwnerId: workspace.ownerId }),
    orderBy: [{ trashedAt: "desc" }, { id: "asc" }],
    take: 1000,
    include: ENTRY_ROW_INCLUDE,
  });
  const folderIds = [...new Set(rows.flatMap((r) => ancestorIdsOf(r.ancestry)))];
  const userIds = [...new Set(rows.flatMap((r) => (r.trashedById ? [r.trashedById] : [])))];
  const [folders, users] = await Promise.all([
    db.fileEntry.findMany({ where: { id: { in: folderIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true, email: true } }),
  ]);
  const folderName = new Map(folders.map((f) => [f.id, f.name]));
  const userName = new Map(users.map((u) => [u.id, u.username ?? u.email]));
  return rows.map((r) => ({
    ...toEntryRow(r),
    trashedAt: r.trashedAt!.toISOString(),
    trashedBy: r.trashedById ? (userName.get(r.trashedById) ?? null) : null,
    // The root's name is "", so this reads "/reports/2026".
    originalPath:
      ancestorIdsOf(r.ancestry)
        .map((id) => folderName.get(id) ?? "?")
        .join("/") || "/",
  }));
}
