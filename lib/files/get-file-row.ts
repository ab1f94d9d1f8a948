import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import type { EntryRow } from "./entry-types";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { loadEntry } from "./load-entry";

/** A file the actor may read, as the browser shows it (for pages that show a single file, e.g. file links). */
export async function getFileRow(actor: Actor, fileId: string): Promise<EntryRow> {
  await loadEntry(actor, fileId, "view", { kind: "file" });
  return toEntryRow(await getDb().fileEntry.findUniqueOrThrow({ where: { id: fileId }, include: ENTRY_ROW_INCLUDE }));
}
