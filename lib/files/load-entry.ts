import "server-only";
import { type Actor, type Capability, type EffectiveRole, assertCan, assertCanAll } from "@/lib/access";
import { fileEntryResource } from "@/lib/access/files";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/util/errors";
import type { EntryKind } from "./entry-types";
import type { FileEntryRecord } from "./entry-model";

export type LoadedEntry = FileEntryRecord & { workspaceOwnerId: string; role: EffectiveRole };

type Options = { kind?: EntryKind; trashed?: boolean };

const notFoundText = (kind?: EntryKind) =>
  kind === "folder" ? "Folder not found" : kind === "file" ? "File not found" : "Not found";

// assertCan's 404 says "Not found"; keep the more helpful kind-specific text (it reveals nothing more).
function withKindText(kind?: EntryKind) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === "not_found") throw notFound(notFoundText(kind));
    throw error;
  };
}

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
  if (!row || (kind && row.kind !== kind) || (row.trashedAt !== null) !== trashed) throw notFound(notFoundText(kind));
  const { workspace, ...entry } = row;
  const role = await assertCan(
    actor,
    capability,
    fileEntryResource(entry, { workspaceOwnerId: workspace.ownerId }),
  ).catch(withKindText(kind));
  return { ...entry, workspaceOwnerId: workspace.ownerId, role };
}

/**
 * loadEntry for many ids at once (bulk move, trash, restore, delete), all or nothing by the same
 * rule: one query for the rows and one access check for all of them (lib/access assertCanAll),
 * however many there are. Duplicates are dropped; the entries come back in the order asked.
 */
export async function loadEntries(
  actor: Actor,
  ids: string[],
  capability: Capability,
  { kind, trashed = false }: Options = {},
): Promise<LoadedEntry[]> {
  const unique = [...new Set(ids)];
  const rows = await getDb().fileEntry.findMany({
    where: { id: { in: unique } },
    include: { workspace: { select: { ownerId: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found = unique.map((id) => byId.get(id));
  if (found.some((row) => !row || (kind && row.kind !== kind) || (row.trashedAt !== null) !== trashed)) {
    throw notFound(notFoundText(kind));
  }
  const entries = found.map((row) => {
    const { workspace, ...entry } = row!;
    return { ...entry, workspaceOwnerId: workspace.ownerId };
  });
  const roles = await assertCanAll(
    actor,
    capability,
    entries.map((e) => fileEntryResource(e, e)),
  ).catch(withKindText(kind));
  return entries.map((e, i) => ({ ...e, role: roles[i]! }));
}
