import type { Db } from "@/lib/db";

/** A FileEntry row as Prisma returns it (the same shape from both generated clients). */
export type FileEntryRecord = Awaited<ReturnType<Db["fileEntry"]["findUniqueOrThrow"]>>;

/** Slot of entries directly inside a folder, and of an entry deleted by itself (see the schema). */
export const slotIn = (folderId: string) => folderId;
export const trashSlot = (entryId: string) => `trash:${entryId}`;
export const ROOT_SLOT = "root";

/** Blob store key of a file's content: generated, never derived from a user-supplied name. */
export function blobKeyFor(workspaceId: string, blobId: string): string {
  return `files/${workspaceId}/${blobId}`;
}
