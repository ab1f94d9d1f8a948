"use client";
import { useRef, useState } from "react";
import type { SortKey } from "@/lib/catalog/query-schema";
import type { Column } from "@/lib/catalog/types";
import { clampWidth } from "./column-widths";
import { MAX_WIDTH, MIN_WIDTH } from "./grid-state";

/** A column as the grid shows it; `description` comes from the dataset card's data dictionary. */
export type GridColumn = Column & { description?: string };

const STEP = 10;
const BIG_STEP = 50;

/**
 * One header cell: the sort button (click: this column alone; Shift+click: add it to the sort
 * keys), the column's description when it has one, and a resize handle on the right edge that
 * follows the mouse and the arrow keys. The width is committed when the drag ends.
 */
export function HeaderCell({
  column,
  sort,
  sortRank,
  width,
  stickyLeft,
  onSort,
  onResize,
}: {
  column: GridColumn;
  sort: SortKey["direction"] | null;
  /** 1-based position among several sort keys (null: not sorted, or the only key) */
  sortRank: number | null;
  width: number;
  /** left offset when pinned */
  stickyLeft?: number;
  onSort: (column: string, add: boolean) => void;
  /** `resize` maps the column's current width to its new one (relative for the arrow keys, so presses in a row add up) */
  onResize: (column: string, resize: (current: number) => number) => void;
}) {
  const [dragWidth, setDragWidth] = useState<number | null>(null);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const shownWidth = dragWidth ?? width;

  function onPointerDown(e: React.PointerEvent<HTMLDivElement>) {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
    setDragWidth(width);
  }
  function onPointerMove(e: React.PointerEvent<HTMLDivElement>) {
    if (drag.current) setDragWidth(clampWidth(drag.current.width + e.clientX - drag.current.x));
  }
  function onPointerUp(e: React.PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    const next = clampWidth(drag.current.width + e.clientX - drag.current.x);
    drag.current = null;
    setDragWidth(null);
    if (next !== width) onResize(column.name, () => next);
  }
  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const delta = e.key === "ArrowRight" ? step : e.key === "ArrowLeft" ? -step : null;
    if (delta === null) return;
    e.preventDefault();
    onResize(column.name, (current) => clampWidth(current + delta));
  }

  const pinned = stickyLeft !== undefined;
  return (
    <th
      scope="col"
      aria-sort={sort === "asc" ? "ascending" : sort === "desc" ? "descending" : "none"}
      data-pinned={pinned || undefined}
      style={{ width: shownWidth, ...(pinned ? { left: stickyLeft } : {}) }}
      className={`${pinned ? "sticky z-20 bg-zinc-100 dark:bg-zinc-800" : "relative"} border-b border-zinc-200 px-1 py-1 align-top font-medium dark:border-zinc-800`}
    >
      <button
        type="button"
        onClick={(e) => onSort(column.name, e.shiftKey)}
        className="flex w-full min-w-0 items-center gap-1 rounded px-2 py-1 text-left hover:bg-zinc-200/60 dark:hover:bg-zinc-800"
        title={`Sort by ${column.name} (Shift+click to add to the sort)`}
      >
        <span className="truncate">{column.name}</span>
        <span className="shrink-0 font-mono text-[10px] font-normal text-zinc-500">{column.type}</span>
        <span aria-hidden="true" className="ml-auto shrink-0 text-brand-600">
          {sort === "asc" ? "▲" : sort === "desc" ? "▼" : ""}
          {sortRank !== null ? <sup>{sortRank}</sup> : null}
        </span>
      </button>
      {column.description ? (
        <p
          className="truncate px-2 text-[11px] font-normal text-zinc-600 dark:text-zinc-400"
          title={column.description}
          data-testid="column-description"
        >
          {column.description}
        </p>
      ) : null}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${column.name}`}
        aria-valuenow={shownWidth}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
          setDragWidth(null);
        }}
        onKeyDown={onKeyDown}
        title="Drag, or use the arrow keys, to resize"
        className="absolute right-0 top-0 h-full w-2 cursor-col-resize touch-none select-none hover:bg-brand-500/40 focus:bg-brand-500/60 focus:outline-none"
      />
    </th>
  );
}
