"use client";
import type { Column } from "@/lib/catalog/types";
import type { GridState } from "./grid-state";

const rowClass = "flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800";

/**
 * Which columns the grid shows and which stay pinned at its left edge. The last visible column
 * cannot be hidden (the grid would have nothing to show); hidden columns are not fetched.
 */
export function ColumnMenu({
  columns,
  state,
  onChange,
}: {
  columns: Column[];
  state: GridState;
  onChange: (next: GridState) => void;
}) {
  const hiddenCount = state.hidden.length;
  const visibleCount = columns.length - hiddenCount;

  function toggleHidden(name: string, show: boolean) {
    const hidden = show ? state.hidden.filter((c) => c !== name) : [...state.hidden, name];
    onChange({ ...state, hidden });
  }
  function togglePinned(name: string, pin: boolean) {
    onChange({ ...state, pinned: pin ? [...state.pinned, name] : state.pinned.filter((c) => c !== name) });
  }

  return (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md border border-zinc-300 bg-white px-3.5 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
        Columns{hiddenCount ? ` (${hiddenCount} hidden)` : ""} <span aria-hidden="true">▾</span>
      </summary>
      <div
        role="group"
        aria-label="Columns shown"
        className="absolute right-0 z-30 mt-1 max-h-96 w-72 overflow-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="flex justify-between gap-2 px-2 py-1">
          <button
            type="button"
            className="text-sm font-medium text-brand-700 underline disabled:text-zinc-400 disabled:no-underline dark:text-brand-500"
            disabled={hiddenCount === 0}
            onClick={() => onChange({ ...state, hidden: [] })}
          >
            Show all
          </button>
          <button
            type="button"
            className="text-sm text-zinc-600 underline disabled:text-zinc-400 disabled:no-underline dark:text-zinc-400"
            disabled={!hiddenCount && !state.pinned.length && !Object.keys(state.widths).length}
            onClick={() => onChange({ ...state, hidden: [], pinned: [], widths: {} })}
          >
            Reset columns
          </button>
        </div>
        <ul>
          {columns.map((c) => {
            const visible = !state.hidden.includes(c.name);
            const pinned = state.pinned.includes(c.name);
            return (
              <li key={c.name} className={rowClass}>
                <label className="flex min-w-0 flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={visible}
                    disabled={visible && visibleCount === 1}
                    onChange={(e) => toggleHidden(c.name, e.target.checked)}
                    aria-label={`Show ${c.name}`}
                  />
                  <span className="truncate" title={c.name}>
                    {c.name}
                  </span>
                </label>
                <label className="flex shrink-0 items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                  <input
                    type="checkbox"
                    checked={pinned}
                    disabled={!visible}
                    onChange={(e) => togglePinned(c.name, e.target.checked)}
                    aria-label={`Pin ${c.name}`}
                  />
                  Pin
                </label>
              </li>
            );
          })}
        </ul>
      </div>
    </details>
  );
}
