import "server-only";
import { type Actor, allows } from "@/lib/access";
import { getDb } from "@/lib/db";
import type { EntryRow } from "./entry-types";
import { ENTRY_ROW_INCLUDE, toEntryRow } from "./entry-row";
import { loadEntry } from "./load-entry";

/**
 * A file the actor may view, as the browser shows it (for pages that show a single file, e.g. file
 * links), and whether they may download it (false for view-only access).
 */
export async function getFileRow(actor: Actor, fileId: string): Promise<EntryRow & { canDownload: boolean }> {
  const { role } = await loadEntry(actor, fileId, "view", { kind: "file" });
  const row = toEntryRow(
    await getDb().fileEntry.findUniqueOrThrow({ where: { id: fileId }, include: ENTRY_ROW_INCLUDE }),
  );
  return { ...row, canDownload: allows(role, "read") };
}
