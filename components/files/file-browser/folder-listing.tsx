"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { FolderView } from "@/lib/files/folder-view";
import { EntryTable, type EntryTableProps } from "../entry-table";
import type { FolderListing as Listing } from "./use-folder-listing";

type Props = {
  state: Listing;
  mode: FolderView["mode"];
  canWrite: boolean;
  table: Omit<EntryTableProps, "entries" | "sort" | "dir" | "onSort" | "selection" | "onSelection">;
};

/** The folder's rows (or why there are none), with the count and "Show more" for the next page. */
export function FolderListing({ state, mode, canWrite, table }: Props) {
  const { listing, entries, total } = state;
  if (listing.isPending)
    return (
      <p role="status" className="py-8 text-sm text-zinc-500">
        Loading…
      </p>
    );
  if (listing.isError)
    return (
      <p role="alert" className="py-8 text-sm text-red-600 dark:text-red-400">
        {listing.error.message}
      </p>
    );
  if (entries.length === 0)
    return mode === "shared" ? (
      <EmptyState title="Nothing shared with you here">
        Files and folders of this workspace appear here when someone shares them with you.
      </EmptyState>
    ) : (
      <EmptyState title="This folder is empty">
        {canWrite ? "Drop files or folders here, or use Upload files." : "Nothing has been added here yet."}
      </EmptyState>
    );
  return (
    <>
      <EntryTable
        {...table}
        entries={entries}
        sort={state.sort}
        dir={state.dir}
        onSort={state.sortBy}
        selection={state.selection}
        onSelection={state.setSelection}
      />
      <p className="text-xs text-zinc-500">
        {entries.length < total
          ? `Showing ${entries.length} of ${total} items.`
          : `${total} item${total === 1 ? "" : "s"}.`}
        {listing.hasNextPage ? (
          <Button
            variant="ghost"
            className="ml-2"
            disabled={listing.isFetchingNextPage}
            onClick={() => void listing.fetchNextPage()}
          >
            {listing.isFetchingNextPage ? "Loading…" : "Show more"}
          </Button>
        ) : null}
      </p>
    </>
  );
}
