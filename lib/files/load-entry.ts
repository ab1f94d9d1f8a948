import "server-only";
import { type Actor, type Capability, type EffectiveRole, assertCan } from "@/lib/access";
import { fileEntryResource } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import type { EntryKind } from "./entry-types";
import type { FileEntryRecord } from "./entry-model";

export type LoadedEntry = FileEntryRecord & { workspaceOwnerId: string; role: EffectiveRole };

type Options = { kind?: EntryKind; trashed?: boolean };

/**
 * Loads an entry for the actor and checks `capability` on it through lib/access: unknown,
 * unreadable, wrong-kind and (unless `trashed`) trashed entries are the same 404; readable but
 * not allowed is 403.
 */
export async function loadEntry(
  actor: Actor,
  id: string,
  capability: Capability,
  { kind, trashed = false }: Options = {},
): Promise<LoadedEntry> {
  const row =
    typeof id === "string" && id
      ? await getDb().fileEntry.findUnique({ where: { id }, include: { workspace: { select: { ownerId: true } } } })
      : null;
  const what = kind === "folder" ? "Folder not found" : kind === "file" ? "File not found" : "Not found";
  if (!row || (kind && row.kind !== kind) || (row.trashedAt !== null) !== trashed) throw notFound(what);
  const { workspace, ...entry } = row;
  const role = await assertCan(
    actor,
    capability,
    fileEntryResource(entry, { workspaceOwnerId: workspace.ownerId }),
  ).catch((error: unknown) => {
    // assertCan's 404 says "Not found"; keep the more helpful kind-specific text (it reveals nothing more).
    if (error instanceof Error && "code" in error && error.code === "not_found") throw notFound(what);
    throw error;
  });
  return { ...entry, workspaceOwnerId: workspace.ownerId, role };
}
