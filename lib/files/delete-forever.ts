import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { deleteUnreferencedBlobs } from "@/lib/storage/orphan-blobs";
import { invalid, notFound } from "@/lib/util/errors";
import { trashSlot } from "./entry-model";
import { loadEntries, loadEntry } from "./load-entry";
import { findRootFolder } from "./root-folder";

export const deleteForeverInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(1000) });
export const emptyTrashInput = z.object({ workspaceId: z.string().min(1) });

const DELETE_SLICE = 500;

type Doomed = { ids: string[]; blobKeys: string[]; bytes: number };

async function collect(where: object): Promise<Doomed> {
  const rows = await getDb().fileEntry.findMany({ where, select: { id: true, blobKey: true, size: true } });
  return {
    ids: rows.map((r) => r.id),
    blobKeys: rows.flatMap((r) => (r.blobKey ? [r.blobKey] : [])),
    bytes: rows.reduce((sum, r) => sum + Number(r.size ?? 0), 0),
  };
}

/**
 * Removes rows, then their blobs. The rows go first, in one transaction: a crash in between
 * leaves unreferenced blobs (wasted space), never a file whose content is gone.
 */
async function destroy(
  actor: Actor,
  workspaceId: string,
  doomed: Doomed,
  details: Record<string, unknown>,
): Promise<{ deleted: number; bytes: number }> {
  await getDb().$transaction(async (tx) => {
    // In slices: a write's id list is not split by Prisma, and SQLite binds at most 999 values.
    for (let i = 0; i < doomed.ids.length; i += DELETE_SLICE) {
      const ids = doomed.ids.slice(i, i + DELETE_SLICE);
      await tx.fileEntry.deleteMany({ where: { id: { in: ids }, trashedAt: { not: null } } });
    }
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "trash.emptied",
      resourceType: "workspace",
      resourceId: workspaceId,
      details: { ...details, entries: doomed.ids.length, bytes: doomed.bytes },
    });
  });
  await deleteUnreferencedBlobs(doomed.blobKeys).catch((error: unknown) =>
    console.error("Deleting blobs failed; the orphan sweep will retry", error),
  );
  return { deleted: doomed.ids.length, bytes: doomed.bytes };
}

/** Permanently deletes items from the trash, with everything they contain (managers only). */
export async function deleteForever(actor: Actor, input: z.input<typeof deleteForeverInput>) {
  const { ids } = deleteForeverInput.parse(input);
  const entries = await loadEntries(actor, ids, "manage", { trashed: true });
  for (const e of entries) if (e.slot !== trashSlot(e.id)) throw notFound("That item is not in the trash by itself.");
  const workspaceId = entries[0]!.workspaceId;
  if (entries.some((e) => e.workspaceId !== workspaceId)) throw invalid("Delete items of one workspace at a time.");
  const doomed = await collect({
    workspaceId,
    // One id list, and a subtree condition only for folders: a condition per entry would exceed
    // the databases' parameter limits on a large selection.
    OR: [
      { id: { in: entries.map((e) => e.id) } },
      ...entries.filter((e) => e.kind === "folder").map((e) => ({ ancestry: { startsWith: childAncestryOf(e) } })),
    ],
  });
  return destroy(actor, workspaceId, doomed, { names: entries.map((e) => e.name) });
}

/** Empties a workspace's trash (managers only). */
export async function emptyTrash(actor: Actor, input: z.input<typeof emptyTrashInput>) {
  const { workspaceId } = emptyTrashInput.parse(input);
  const root = await findRootFolder(workspaceId);
  if (!root) throw notFound("Workspace not found");
  await loadEntry(actor, root.id, "manage", { kind: "folder" });
  return destroy(actor, workspaceId, await collect({ workspaceId, trashedAt: { not: null } }), {});
}
