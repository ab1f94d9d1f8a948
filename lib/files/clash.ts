import "server-only";
import type { Tx } from "@/lib/db";
import { conflict } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { slotIn } from "./entry-model";
import { keepBothName, splitExtension } from "./free-name";
import { nameKey } from "./names";

type Place = { workspaceId: string; parentId: string };

/** The entry (live, or inside a trashed folder) holding `name` in a folder, if any. */
export function findChildByName(tx: Tx, { workspaceId, parentId }: Place, name: string) {
  return tx.fileEntry.findUnique({
    where: { workspaceId_slot_nameLower: { workspaceId, slot: slotIn(parentId), nameLower: nameKey(name) } },
  });
}

/** A "keep both" name that is free in the folder right now ("report (2).csv"). */
export async function freeNameIn(tx: Tx, { workspaceId, parentId }: Place, name: string): Promise<string> {
  const stem = splitExtension(name)[0].replace(/ \(\d+\)$/, "");
  const rows = await tx.fileEntry.findMany({
    where: { workspaceId, slot: slotIn(parentId), nameLower: { startsWith: nameKey(stem) } },
    select: { nameLower: true },
  });
  return keepBothName(name, new Set(rows.map((r) => r.nameLower)));
}

export function nameTaken(name: string) {
  return conflict(`An item named "${name}" already exists in this folder.`, {
    name: "That name is taken in this folder.",
  });
}

/**
 * Runs a transaction that picks names, retrying when a concurrent writer took the same name
 * first (the unique index is the arbiter; a PostgreSQL transaction cannot continue after a
 * violation, so the whole transaction is retried). Gives up with a 409 after a few attempts.
 */
export async function retryOnNameRace<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (i >= attempts) throw conflict("Another change to this folder happened at the same time. Please try again.");
    }
  }
}
