"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createFolderAction } from "@/lib/actions/files/create-folder";
import { findUploadClashesAction } from "@/lib/actions/files/find-upload-clashes";
import { moveEntriesAction } from "@/lib/actions/files/move-entries";
import { renameEntryAction } from "@/lib/actions/files/rename-entry";
import { restoreEntriesAction } from "@/lib/actions/files/restore-entries";
import { trashEntriesAction } from "@/lib/actions/files/trash-entries";
import type { ClashPolicy, EntryRow } from "@/lib/files/entry-types";
import { EMPTY_SELECTION, type Selection } from "@/lib/files/selection";
import { filesKeys, withLink } from "../api";
import type { PickedFile, Uploads } from "../use-uploads";

type PendingClashes = { names: string[]; resolve: (p: ClashPolicy | null) => void };

const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`;

/**
 * What the browser does to files: upload, move, trash (with Undo), create, rename, open as a dataset.
 * Name clashes are asked about through `clashes`; every change invalidates the listings, clears the
 * selection (what was selected may have moved, changed or gone), then reports in a toast.
 */
export function useFileOperations({
  folderId,
  linkToken,
  uploads,
  setSelection,
  canRestore,
}: {
  folderId: string;
  linkToken?: string;
  /** null when this viewer cannot upload */
  uploads: Uploads | null;
  setSelection: (next: Selection) => void;
  /** the trash's toast offers Undo (restoring is for managers) */
  canRestore: boolean;
}) {
  const router = useRouter();
  const client = useQueryClient();
  const [clashes, setClashes] = useState<PendingClashes | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: filesKeys.all });
  const askClash = (names: string[]) => new Promise<ClashPolicy | null>((resolve) => setClashes({ names, resolve }));

  async function upload(picked: PickedFile[], target = folderId) {
    if (!uploads || picked.length === 0) return;
    const result = await findUploadClashesAction({ folderId: target, paths: picked.map((p) => p.relativePath) });
    if (!result.ok) return void toast.error(result.message);
    let policy: ClashPolicy = "keep-both";
    if (result.data.clashes.length) {
      const chosen = await askClash(result.data.clashes);
      if (!chosen) return;
      policy = chosen;
    }
    uploads.add(picked, target, policy);
  }

  async function move(moveIds: string[], targetId: string) {
    const first = await moveEntriesAction({ ids: moveIds, targetId, onClash: "ask" });
    if (!first.ok) return void toast.error(first.message);
    let result = first.data;
    if (result.clashes.length) {
      const policy = await askClash(result.clashes);
      if (!policy) return;
      const again = await moveEntriesAction({ ids: moveIds, targetId, onClash: policy });
      if (!again.ok) return void toast.error(again.message);
      result = again.data;
    }
    await refresh();
    setSelection(EMPTY_SELECTION);
    const notes = [
      ...result.renamed.map((r) => `“${r.from}” was renamed “${r.to}”`),
      ...(result.replaced.length ? [`replaced ${result.replaced.join(", ")} (the old ones are in the trash)`] : []),
      ...(result.skipped.length ? [`skipped ${result.skipped.join(", ")}`] : []),
    ];
    toast.success(`Moved ${items(result.moved)}${notes.length ? `; ${notes.join("; ")}` : ""}.`);
  }

  async function trash(trashIds: string[]) {
    const result = await trashEntriesAction({ ids: trashIds });
    if (!result.ok) return void toast.error(result.message);
    await refresh();
    setSelection(EMPTY_SELECTION);
    const { ids } = result.data;
    toast.success(`Moved ${items(result.data.trashed)} to the trash.`, {
      action: canRestore ? { label: "Undo", onClick: () => void restore(ids) } : undefined,
    });
  }

  async function restore(restoreIds: string[]) {
    const result = await restoreEntriesAction({ ids: restoreIds });
    if (!result.ok) return void toast.error(result.message);
    await refresh();
    const renamed = result.data.renamed.map((r) => `“${r.from}” is back as “${r.to}”`);
    toast.success(`Restored ${items(result.data.restored)}${renamed.length ? `; ${renamed.join("; ")}` : ""}.`);
  }

  /** Resolves to an error message to show in the dialog, or null when done. */
  async function createFolder(name: string): Promise<string | null> {
    const result = await createFolderAction({ parentId: folderId, name });
    if (!result.ok) return result.message;
    await refresh();
    toast.success(`Created the folder “${result.data.name}”.`);
    return null;
  }

  /** Resolves to the new name, or an error message to show in the dialog. */
  async function rename(entry: EntryRow, name: string): Promise<{ name: string } | { error: string }> {
    const result = await renameEntryAction({ id: entry.id, name });
    if (!result.ok) return { error: result.message };
    await refresh();
    setSelection(EMPTY_SELECTION);
    return { name: result.data.name };
  }

  async function openAsDataset(entry: EntryRow) {
    const response = await fetch(withLink(`/api/files/${encodeURIComponent(entry.id)}/open-as-dataset`, linkToken), {
      method: "POST",
    });
    const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
    if (!response.ok || !body.url) return void toast.error(body.error ?? "The file could not be opened as a dataset.");
    router.push(body.url);
  }

  function answerClash(policy: ClashPolicy | null) {
    clashes?.resolve(policy);
    setClashes(null);
  }

  return { upload, move, trash, restore, createFolder, rename, openAsDataset, clashes, answerClash };
}

export type FileOperations = ReturnType<typeof useFileOperations>;
