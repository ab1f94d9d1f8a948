"use client";
import { Button } from "@/components/ui/button";
import type { EntryRow } from "@/lib/files/entry-types";

/** What can be done with the selected rows: rename (one), move, delete, or clear the selection. */
export function SelectionToolbar({
  selected,
  canChange,
  onRename,
  onMove,
  onTrash,
  onClear,
}: {
  selected: EntryRow[];
  /** rename, move and delete are offered */
  canChange: boolean;
  onRename: (entry: EntryRow) => void;
  onMove: (ids: string[]) => void;
  onTrash: (ids: string[]) => void;
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const ids = selected.map((e) => e.id);
  return (
    <div
      role="toolbar"
      aria-label="Selected items"
      className="flex flex-wrap items-center gap-2 rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800"
    >
      <span className="font-medium">{selected.length} selected</span>
      {canChange ? (
        <>
          {selected.length === 1 ? (
            <Button variant="ghost" onClick={() => onRename(selected[0]!)}>
              Rename
            </Button>
          ) : null}
          <Button variant="ghost" onClick={() => onMove(ids)}>
            Move…
          </Button>
          <Button variant="ghost" onClick={() => onTrash(ids)}>
            Delete
          </Button>
        </>
      ) : null}
      <Button variant="ghost" className="ml-auto" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
