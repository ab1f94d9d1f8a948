import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { invalid } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { nameTaken } from "./clash";
import { contentTypeFor } from "./file-types";
import { loadEntry } from "./load-entry";
import { nameKey, validateName } from "./names";

export const renameEntryInput = z.object({ id: z.string().min(1), name: z.string() });

/** Renames a file or folder in place; a name taken in the folder (any case) is a 409. */
export async function renameEntry(
  actor: Actor,
  input: z.input<typeof renameEntryInput>,
): Promise<{ id: string; name: string }> {
  const { id, name: raw } = renameEntryInput.parse(input);
  const name = validateName(raw);
  const entry = await loadEntry(actor, id, "write");
  if (!entry.parentId) throw invalid("The workspace's top folder cannot be renamed.");
  if (name === entry.name) return { id, name };
  try {
    await getDb().$transaction(async (tx) => {
      await tx.fileEntry.update({
        where: { id },
        // The type follows the name (it is always derived from the extension, never trusted from a client).
        data: {
          name,
          nameLower: nameKey(name),
          modifiedAt: new Date(),
          modifiedById: actor.id,
          ...(entry.kind === "file" ? { mimeType: contentTypeFor(name) } : {}),
        },
      });
      await recordAudit(tx, {
        workspaceId: entry.workspaceId,
        actorId: actor.id,
        action: `${entry.kind}.renamed`,
        resourceType: entry.kind,
        resourceId: id,
        details: { from: entry.name, to: name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
  return { id, name };
}
