"use client";
import type { EntryRow } from "@/lib/files/entry-types";
import type { Siblings } from "../preview-dialog";
import type { FolderListing } from "./use-folder-listing";

/**
 * Previous and next for the open preview: the folder's files (folders skipped) in the listing's
 * current sort. Past the last loaded file the next page is fetched, so stepping never stops early.
 */
export function usePreviewSiblings(
  preview: EntryRow | null,
  state: FolderListing,
  setPreview: (entry: EntryRow) => void,
): Siblings | undefined {
  if (!preview) return undefined;
  const files = state.entries.filter((e) => e.kind === "file");
  const index = files.findIndex((e) => e.id === preview.id);
  if (index < 0) return undefined;
  const folders = state.entries.length - files.length;
  const previous = files[index - 1];
  const next = files[index + 1];
  const more = state.listing.hasNextPage;

  async function fetchNext() {
    const result = await state.listing.fetchNextPage();
    const loaded = (result.data?.pages.flatMap((p) => p.entries) ?? []).filter((e) => e.kind === "file");
    const after = loaded[loaded.findIndex((e) => e.id === preview!.id) + 1];
    if (after) setPreview(after);
  }

  return {
    position: index + 1,
    // Folders come first in every order, so the files are the total less the folders (all loaded by then).
    count: more ? Math.max(files.length, state.total - folders) : files.length,
    onPrevious: previous ? () => setPreview(previous) : undefined,
    onNext: next ? () => setPreview(next) : more ? () => void fetchNext() : undefined,
  };
}
