import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { invalid } from "@/lib/util/errors";
import { loadEntries } from "./load-entry";
import { topmostOnly } from "./topmost";
import { moveToTrash } from "./trash-core";

export const trashEntriesInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(1000) });

/**
 * Deletes entries to the trash (editors may; restoring and emptying is for managers). Returns the ids
 * that went to the trash themselves (an entry inside a deleted folder goes with it): what restoring undoes.
 */
export async function trashEntries(
  actor: Actor,
  input: z.input<typeof trashEntriesInput>,
): Promise<{ trashed: number; ids: string[] }> {
  const { ids } = trashEntriesInput.parse(input);
  const entries = topmostOnly(await loadEntries(actor, ids, "write"));
  if (entries.some((e) => !e.parentId)) throw invalid("The workspace's top folder cannot be deleted.");
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    for (const entry of entries) await moveToTrash(tx, actor, entry, now);
  });
  return { trashed: entries.length, ids: entries.map((e) => e.id) };
}
