"use server";
// The file browser's mutations as server actions: thin wrappers over the lib/files services,
// which check access. Content never passes through here (uploads are tus, downloads are routes).
import { withUser } from "@/lib/actions/with-user";
import { createFolder, type createFolderInput } from "./create-folder";
import { deleteForever, emptyTrash, type deleteForeverInput, type emptyTrashInput } from "./delete-forever";
import { findUploadClashes, type findUploadClashesInput } from "./find-upload-clashes";
import { moveEntries, type moveEntriesInput } from "./move-entries";
import { renameEntry, type renameEntryInput } from "./rename-entry";
import { restoreEntries, type restoreEntriesInput } from "./restore-entries";
import { trashEntries, type trashEntriesInput } from "./trash-entries";
import type { z } from "zod";

type In<T extends z.ZodType> = z.input<T>;

export async function createFolderAction(input: In<typeof createFolderInput>) {
  return withUser((user) => createFolder(user, input));
}

export async function renameEntryAction(input: In<typeof renameEntryInput>) {
  return withUser((user) => renameEntry(user, input));
}

export async function moveEntriesAction(input: In<typeof moveEntriesInput>) {
  return withUser((user) => moveEntries(user, input));
}

export async function trashEntriesAction(input: In<typeof trashEntriesInput>) {
  return withUser((user) => trashEntries(user, input));
}

export async function restoreEntriesAction(input: In<typeof restoreEntriesInput>) {
  return withUser((user) => restoreEntries(user, input));
}

export async function deleteForeverAction(input: In<typeof deleteForeverInput>) {
  return withUser((user) => deleteForever(user, input));
}

export async function emptyTrashAction(input: In<typeof emptyTrashInput>) {
  return withUser((user) => emptyTrash(user, input));
}

export async function findUploadClashesAction(input: In<typeof findUploadClashesInput>) {
  return withUser((user) => findUploadClashes(user, input));
}
