import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { conflict, notFound } from "@/lib/util/errors";
import { findChildByName, freeNameIn, retryOnNameRace } from "./clash";
import { slotIn, trashSlot } from "./entry-model";
import { loadEntries } from "./load-entry";
import { nameKey } from "./names";

export const restoreEntriesInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(1000) });

export type RestoreResult = { restored: number; renamed: { from: string; to: string }[] };

/**
 * Restores deleted entries (managers only) to the folder they were deleted from, with what they
 * contained when deleted. A name taken there meanwhile gets a "keep both" name; an entry whose
 * folder is itself in the trash must wait for that folder.
 */
export async function restoreEntries(actor: Actor, input: z.input<typeof restoreEntriesInput>): Promise<RestoreResult> {
  const { ids } = restoreEntriesInput.parse(input);
  const entries = await loadEntries(actor, ids, "manage", { trashed: true });
  for (const e of entries)
    if (e.slot !== trashSlot(e.id))
      throw notFound("That item is not in the trash by itself; restore the folder it was in.");
  return retryOnNameRace(() =>
    getDb().$transaction(async (tx) => {
      const out: RestoreResult = { restored: 0, renamed: [] };
      for (const e of entries) {
        const parent = await tx.fileEntry.findUnique({
          where: { id: e.parentId! },
          select: { id: true, name: true, trashedAt: true },
        });
        if (!parent || parent.trashedAt)
          throw conflict(
            `"${e.name}" was in the folder "${parent?.name ?? "?"}", which is in the trash too. Restore that folder first.`,
          );
        const place = { workspaceId: e.workspaceId, parentId: parent.id };
        const name = (await findChildByName(tx, place, e.name)) ? await freeNameIn(tx, place, e.name) : e.name;
        if (name !== e.name) out.renamed.push({ from: e.name, to: name });
        await tx.fileEntry.update({
          where: { id: e.id },
          data: {
            slot: slotIn(parent.id),
            name,
            nameLower: nameKey(name),
            trashedAt: null,
            trashedById: null,
            trashRootId: null,
          },
        });
        await tx.fileEntry.updateMany({
          where: { workspaceId: e.workspaceId, trashRootId: e.id },
          data: { trashedAt: null, trashedById: null, trashRootId: null },
        });
        await recordAudit(tx, {
          workspaceId: e.workspaceId,
          actor,
          action: `${e.kind}.restored`,
          resourceType: e.kind,
          resourceId: e.id,
          details: { name, parentId: parent.id },
        });
        out.restored++;
      }
      return out;
    }),
  );
}
