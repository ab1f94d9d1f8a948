// Shapes the file browser's API returns; shared by the server and the client components.

/** Largest text file previewed in full; bigger ones show their first TEXT_PREVIEW_BYTES. */
export const TEXT_PREVIEW_BYTES = 512 * 1024;

export type EntryKind = "folder" | "file";
export type PreviewKind = "image" | "pdf" | "text" | "table" | "video" | "audio" | "none";
export type ClashPolicy = "keep-both" | "replace" | "skip";
export const CLASH_POLICIES: readonly ClashPolicy[] = ["keep-both", "replace", "skip"];
export type SortField = "name" | "size" | "type" | "modified";
export type SortDir = "asc" | "desc";

export type EntryRow = {
  id: string;
  kind: EntryKind;
  name: string;
  /** bytes; null for folders */
  size: number | null;
  mimeType: string | null;
  typeLabel: string;
  preview: PreviewKind;
  /** ISO date */
  modifiedAt: string;
  modifiedBy: string | null;
  /**
   * Only on items listed away from their own folder (what is shared with a grantee, at the
   * top folder): the folder names from the top folder down to the item's parent.
   */
  location?: string[];
};

export type FolderPage = { entries: EntryRow[]; total: number; nextOffset: number | null };

/** A folder on the path to the current one; `id` is null for a folder the viewer cannot open (shown as text). */
export type Crumb = { id: string | null; name: string };

/** What the actor may do in a folder (the UI hides what the server would refuse anyway). */
/** download: false for view-only access (no downloads, ZIP or raw bytes; the server refuses them anyway) */
export type Capabilities = { write: boolean; manage: boolean; download: boolean };

export type TrashRow = EntryRow & { trashedAt: string; trashedBy: string | null; originalPath: string };

/** The JSON an upload's final tus response carries (see lib/files/commit-upload.ts). */
export type UploadOutcome =
  | { status: "created" | "replaced" | "renamed"; id: string; name: string; parentId: string }
  | { status: "skipped"; name: string; parentId: string };

export type TablePreview = { columns: { name: string; type: string }[]; rows: unknown[][]; truncated: boolean };
