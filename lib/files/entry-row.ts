import "server-only";
import type { EntryKind, EntryRow } from "./entry-types";
import type { FileEntryRecord } from "./entry-model";
import { previewKindFor, typeLabelFor } from "./file-types";

/** Include this in queries whose rows become EntryRows (for the "modified by" column). */
export const ENTRY_ROW_INCLUDE = { modifiedBy: { select: { username: true, email: true } } } as const;

type WithModifiedBy = FileEntryRecord & { modifiedBy: { username: string | null; email: string } | null };

export function toEntryRow(entry: WithModifiedBy): EntryRow {
  const kind = entry.kind as EntryKind;
  return {
    id: entry.id,
    kind,
    name: entry.name,
    size: entry.size === null ? null : Number(entry.size),
    mimeType: entry.mimeType,
    typeLabel: typeLabelFor(kind, entry.name),
    preview: previewKindFor(kind, entry.name, entry.mimeType),
    modifiedAt: entry.modifiedAt.toISOString(),
    // A file a visitor sent through a file request has no account behind it: the name they gave stands in.
    modifiedBy: entry.modifiedBy
      ? (entry.modifiedBy.username ?? entry.modifiedBy.email)
      : entry.uploaderName
        ? `${entry.uploaderName} (file request)`
        : null,
  };
}
