import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { ancestorIdsOf, childAncestryOf } from "@/lib/access/files";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { invalid } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { nameTaken } from "./clash";
import { slotIn, type FileEntryRecord } from "./entry-model";
import { loadEntry } from "./load-entry";
import { MAX_DEPTH, nameKey, validateName } from "./names";

export const createFolderInput = z.object({ parentId: z.string().min(1), name: z.string() });

/** Folders nested deeper than MAX_DEPTH are refused (paths and ZIP entries stay bounded). */
export function assertDepth(ancestry: string, extraLevels = 0): void {
  // The root folder is the first ancestor and does not count as a level.
  if (ancestorIdsOf(ancestry).length - 1 + extraLevels > MAX_DEPTH)
    throw invalid(`Folders can be nested at most ${MAX_DEPTH} levels deep.`);
}

/** Inserts a folder named `name` in `parent` (depth checked) and records it; the caller checked access and the name. */
export async function insertFolder(
  tx: Tx,
  actor: Actor,
  parent: FileEntryRecord,
  name: string,
): Promise<FileEntryRecord> {
  const ancestry = childAncestryOf(parent);
  assertDepth(ancestry);
  const folder = await tx.fileEntry.create({
    data: {
      workspaceId: parent.workspaceId,
      kind: "folder",
      parentId: parent.id,
      slot: slotIn(parent.id),
      name,
      nameLower: nameKey(name),
      ancestry,
      createdById: actor.id,
      modifiedById: actor.id,
    },
  });
  await recordAudit(tx, {
    workspaceId: parent.workspaceId,
    actorId: actor.id,
    action: "folder.created",
    resourceType: "folder",
    resourceId: folder.id,
    details: { name, parentId: parent.id },
  });
  return folder;
}

/** Creates a folder; an existing entry with that name (any case) is a 409. */
export async function createFolder(
  actor: Actor,
  input: z.input<typeof createFolderInput>,
): Promise<{ id: string; name: string }> {
  const { parentId, name: raw } = createFolderInput.parse(input);
  const name = validateName(raw);
  const parent = await loadEntry(actor, parentId, "write", { kind: "folder" });
  assertDepth(childAncestryOf(parent));
  try {
    return await getDb().$transaction(async (tx) => {
      const folder = await insertFolder(tx, actor, parent, name);
      return { id: folder.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}
