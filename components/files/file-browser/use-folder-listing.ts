"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { SortField } from "@/lib/files/entry-types";
import { EMPTY_SELECTION, pruneSelection, type Selection } from "@/lib/files/selection";
import { fetchFolderPage, filesKeys } from "../api";
import { useRememberedSort } from "./use-remembered-sort";

/** One folder's listing, page by page, with its sort order (remembered per viewer) and the selection within it. */
export function useFolderListing(folderId: string, linkToken: string | undefined, viewerKey: string) {
  const [{ sort, dir }, setSort] = useRememberedSort(viewerKey);
  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);

  const listing = useInfiniteQuery({
    queryKey: filesKeys.folder(folderId, sort, dir, linkToken),
    queryFn: ({ pageParam }) => fetchFolderPage(folderId, sort, dir, pageParam, linkToken),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const entries = useMemo(() => listing.data?.pages.flatMap((p) => p.entries) ?? [], [listing.data]);
  const ids = useMemo(() => entries.map((e) => e.id), [entries]);
  const total = listing.data?.pages[0]?.total ?? 0;
  // Rows that left the listing (moved, deleted) drop out of the selection.
  const selection = useMemo(() => pruneSelection(rawSelection, ids), [rawSelection, ids]);
  const selected = entries.filter((e) => selection.ids.has(e.id));

  const sortBy = (field: SortField) =>
    setSort(
      field === sort
        ? { sort, dir: dir === "asc" ? "desc" : "asc" }
        : { sort: field, dir: field === "modified" || field === "size" ? "desc" : "asc" },
    );

  return { listing, entries, total, sort, dir, sortBy, selection, selected, setSelection };
}

export type FolderListing = ReturnType<typeof useFolderListing>;
