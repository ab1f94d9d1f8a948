import "server-only";
import type { Actor } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import type { FileEntryKind, Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { trashSlot } from "./entry-model";

type Trashable = {
  id: string;
  kind: FileEntryKind;
  name: string;
  workspaceId: string;
  ancestry: string;
  parentId: string | null;
};

/**
 * Puts an entry and everything below it in the trash, inside the caller's transaction. The entry
 * leaves its folder's name scope (so its name is free again); what it contains stays in place
 * under it. Things already in the trash keep their own trash root, so restoring this entry does
 * not bring back what was deleted separately before.
 */
export async function moveToTrash(tx: Tx, actor: Actor, entry: Trashable, now = new Date()): Promise<void> {
  const trashed = { trashedAt: now, trashedById: actor.id, trashRootId: entry.id };
  await tx.fileEntry.update({ where: { id: entry.id }, data: { ...trashed, slot: trashSlot(entry.id) } });
  if (entry.kind === "folder") {
    await tx.fileEntry.updateMany({
      where: { workspaceId: entry.workspaceId, ancestry: { startsWith: childAncestryOf(entry) }, trashedAt: null },
      data: trashed,
    });
  }
  await recordAudit(tx, {
    workspaceId: entry.workspaceId,
    actor,
    action: `${entry.kind}.trashed`,
    resourceType: entry.kind,
    resourceId: entry.id,
    details: { name: entry.name, parentId: entry.parentId },
  });
}
