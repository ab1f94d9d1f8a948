"use client";
import Link from "next/link";
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { Menu, type MenuAnchor, type MenuItem, anchorBelow, menuButtonKeys } from "@/components/ui/menu";
import type { EntryRow, SortDir, SortField } from "@/lib/files/entry-types";
import { formatBytes, formatDateTime } from "@/lib/util/format";
import { type Selection, selectAt } from "@/lib/files/selection";
import { downloadUrl, pathHref } from "./api";
import { ENTRY_DRAG_TYPE, moveDropProps } from "./drag";
import { DownloadIcon, EntryIcon, MoreIcon } from "./icons";

export type EntryTableProps = {
  entries: EntryRow[];
  sort: SortField;
  dir: SortDir;
  onSort: (field: SortField) => void;
  selection: Selection;
  onSelection: (next: Selection) => void;
  basePath: string;
  /** names from the view's top folder to the listed folder */
  folderPath: string[];
  linkToken?: string;
  /** rows can be changed: checkboxes, multi-select, drag, Delete and F2 (without it, nothing to select for) */
  canWrite: boolean;
  /** false for view-only access: no download buttons */
  canDownload: boolean;
  onOpenFile: (entry: EntryRow) => void;
  onNavigate: (href: string) => void;
  onMove?: (ids: string[], targetId: string) => void;
  onDelete?: (ids: string[]) => void;
  onRename?: (entry: EntryRow) => void;
  /** per-row extra actions (share), shown beside the row on wider screens */
  rowActions?: (entry: EntryRow) => ReactNode;
  /** the row's menu (⋯ and right-click) after "Open": only what this viewer may do */
  rowMenu?: (entry: EntryRow) => MenuItem[];
};

const COLUMNS: { field: SortField | null; label: string; className: string }[] = [
  { field: "name", label: "Name", className: "" },
  { field: "size", label: "Size", className: "hidden w-24 text-right sm:table-cell" },
  { field: "type", label: "Type", className: "hidden w-28 md:table-cell" },
  { field: "modified", label: "Modified", className: "hidden w-40 lg:table-cell" },
  { field: null, label: "Modified by", className: "hidden w-28 xl:table-cell" },
];

/** The path of an entry's own page: its folder path plus its name (shared items carry their own location). */
function entryPath(entry: EntryRow, folderPath: string[]): string[] {
  return [...(entry.location ?? folderPath), entry.name];
}

/**
 * The folder listing: sortable columns; click, Shift+click and Ctrl/Cmd+click select; arrows,
 * Home/End, Space, Enter, Delete, F2 and Ctrl+A work from the keyboard; rows drag onto folders.
 * Every row has its menu, from its ⋯ button, a right-click, Shift+F10 or the context-menu key.
 */
export function EntryTable(props: EntryTableProps) {
  const {
    entries,
    sort,
    dir,
    onSort,
    selection,
    onSelection,
    basePath,
    folderPath,
    linkToken,
    canWrite,
    canDownload,
    onOpenFile,
    onNavigate,
    onMove,
    onDelete,
    onRename,
    rowActions,
    rowMenu,
  } = props;
  const ids = entries.map((e) => e.id);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ entry: EntryRow; anchor: MenuAnchor } | null>(null);
  const menuId = useId();
  // Without anything to do with a selection, rows only take focus (a read-only view has no checkboxes).
  const selectable = canWrite;
  const select = (next: Selection) =>
    onSelection(selectable ? next : { ...selection, ids: new Set(), focus: next.focus });

  const open = (entry: EntryRow) => {
    if (entry.kind === "folder") onNavigate(pathHref(basePath, entryPath(entry, folderPath)));
    else onOpenFile(entry);
  };

  const focusRow = (index: number, next: Selection) => {
    select(next);
    rows.current[index]?.focus();
  };

  /** A right-click or the keyboard's menu key on a row: the row becomes the selection unless it is part of it. */
  const openMenu = (index: number, anchor: MenuAnchor) => {
    const entry = entries[index];
    if (!entry) return;
    if (!selection.ids.has(entry.id)) select(selectAt(selection, ids, index));
    setMenu({ entry, anchor });
  };

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if ((event.target as HTMLElement).closest("button, a, input") && !["ArrowDown", "ArrowUp"].includes(event.key))
      return;
    const last = entries.length - 1;
    const at = selection.focus;
    const toggle = event.ctrlKey || event.metaKey;
    const move = (index: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(last, index));
      focusRow(
        target,
        toggle && !event.shiftKey
          ? { ...selection, focus: target }
          : selectAt(selection, ids, target, { shift: event.shiftKey }),
      );
    };
    if ((event.key === "F10" && event.shiftKey) || event.key === "ContextMenu") {
      if (at < 0) return;
      event.preventDefault();
      const row = rows.current[at];
      const rect = row?.getBoundingClientRect();
      if (row && rect) openMenu(at, { x: rect.left + 24, y: rect.bottom, align: "start", opener: row, focus: "first" });
      return;
    }
    switch (event.key) {
      case "ArrowDown":
        return move(at < 0 ? 0 : at + 1);
      case "ArrowUp":
        return move(at < 0 ? 0 : at - 1);
      case "Home":
        return move(0);
      case "End":
        return move(last);
      case " ":
        event.preventDefault();
        if (at >= 0 && selectable) onSelection(selectAt(selection, ids, at, { toggle: true }));
        return;
      case "Enter":
        if (at >= 0 && entries[at]) {
          event.preventDefault();
          open(entries[at]!);
        }
        return;
      case "Delete":
      case "Backspace":
        if (canWrite && onDelete && selection.ids.size) {
          event.preventDefault();
          onDelete([...selection.ids]);
        }
        return;
      case "F2":
        if (canWrite && onRename && at >= 0 && entries[at]) {
          event.preventDefault();
          onRename(entries[at]!);
        }
        return;
      case "a":
        if (toggle && selectable) {
          event.preventDefault();
          onSelection({ ids: new Set(ids), anchor: 0, focus: Math.max(at, 0) });
        }
        return;
      case "Escape":
        onSelection({ ...selection, ids: new Set() });
    }
  }

  const menuItems = (entry: EntryRow): MenuItem[] => [
    { label: entry.kind === "folder" ? "Open folder" : "Open", onSelect: () => open(entry) },
    ...(rowMenu?.(entry) ?? []),
  ];

  return (
    <>
      <table
        role="grid"
        aria-multiselectable={selectable || undefined}
        aria-label="Folder contents"
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
      >
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-zinc-500">
            {selectable ? (
              <th scope="col" className="w-8 border-b border-zinc-200 px-2 py-2 dark:border-zinc-800">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={entries.length > 0 && selection.ids.size === entries.length}
                  onChange={(e) =>
                    onSelection(
                      e.target.checked ? { ids: new Set(ids), anchor: 0, focus: 0 } : { ...selection, ids: new Set() },
                    )
                  }
                />
              </th>
            ) : null}
            {COLUMNS.map((col) => (
              <th
                key={col.label}
                scope="col"
                className={`border-b border-zinc-200 px-2 py-2 font-medium dark:border-zinc-800 ${col.className}`}
                aria-sort={col.field === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
              >
                {col.field ? (
                  <button
                    type="button"
                    onClick={() => onSort(col.field!)}
                    className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-white"
                  >
                    {col.label}
                    {col.field === sort ? <span aria-hidden>{dir === "asc" ? "▲" : "▼"}</span> : null}
                  </button>
                ) : (
                  col.label
                )}
              </th>
            ))}
            <th scope="col" className="w-10 border-b border-zinc-200 px-1 py-2 sm:w-24 dark:border-zinc-800">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {entries.map((entry, index) => {
            const selected = selection.ids.has(entry.id);
            const href = pathHref(basePath, entryPath(entry, folderPath));
            const focused = index === Math.max(selection.focus, 0);
            const menuOpen = menu?.entry.id === entry.id;
            return (
              <tr
                key={entry.id}
                ref={(el) => {
                  rows.current[index] = el;
                }}
                aria-selected={selectable ? selected : undefined}
                data-testid="entry-row"
                data-name={entry.name}
                tabIndex={focused ? 0 : -1}
                draggable={canWrite && !!onMove}
                onDragStart={(event) => {
                  const dragged = selected ? [...selection.ids] : [entry.id];
                  if (!selected) onSelection(selectAt(selection, ids, index));
                  event.dataTransfer.setData(ENTRY_DRAG_TYPE, JSON.stringify(dragged));
                  event.dataTransfer.effectAllowed = "move";
                }}
                {...(entry.kind === "folder" && canWrite
                  ? moveDropProps(entry.id, onMove, (over) => setDropTarget(over ? entry.id : null))
                  : {})}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a, button, input")) return;
                  select(
                    selectAt(selection, ids, index, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey }),
                  );
                }}
                onContextMenu={(event) => {
                  event.preventDefault();
                  event.currentTarget.focus();
                  openMenu(index, {
                    x: event.clientX,
                    y: event.clientY,
                    align: "start",
                    opener: event.currentTarget,
                    focus: "first",
                  });
                }}
                onDoubleClick={() => open(entry)}
                className={`cursor-default outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500 ${selected ? "bg-brand-50 dark:bg-brand-500/20" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/50"} ${dropTarget === entry.id ? "ring-2 ring-inset ring-brand-500" : ""}`}
              >
                {selectable ? (
                  <td className="border-b border-zinc-100 px-2 py-1.5 dark:border-zinc-800/70">
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={`Select ${entry.name}`}
                      checked={selected}
                      onChange={() => onSelection(selectAt(selection, ids, index, { toggle: true }))}
                    />
                  </td>
                ) : null}
                <td className="border-b border-zinc-100 px-2 py-1.5 dark:border-zinc-800/70">
                  <div className="flex min-w-0 items-center gap-2">
                    <EntryIcon kind={entry.kind} name={entry.name} />
                    {entry.kind === "folder" ? (
                      <Link href={href} tabIndex={-1} className="truncate font-medium hover:underline">
                        {entry.name}
                      </Link>
                    ) : (
                      <button
                        type="button"
                        tabIndex={-1}
                        onClick={() => onOpenFile(entry)}
                        className="truncate text-left hover:underline"
                      >
                        {entry.name}
                      </button>
                    )}
                  </div>
                  {entry.location ? (
                    <p className="truncate pl-6 text-xs text-zinc-500">in /{entry.location.join("/")}</p>
                  ) : null}
                </td>
                <td className="hidden border-b border-zinc-100 px-2 py-1.5 text-right tabular-nums text-zinc-600 sm:table-cell dark:border-zinc-800/70 dark:text-zinc-400">
                  {entry.size === null ? "—" : formatBytes(entry.size)}
                </td>
                <td className="hidden truncate border-b border-zinc-100 px-2 py-1.5 text-zinc-600 md:table-cell dark:border-zinc-800/70 dark:text-zinc-400">
                  {entry.typeLabel}
                </td>
                <td className="hidden border-b border-zinc-100 px-2 py-1.5 text-zinc-600 lg:table-cell dark:border-zinc-800/70 dark:text-zinc-400">
                  <time dateTime={entry.modifiedAt}>{formatDateTime(entry.modifiedAt)}</time>
                </td>
                <td className="hidden truncate border-b border-zinc-100 px-2 py-1.5 text-zinc-600 xl:table-cell dark:border-zinc-800/70 dark:text-zinc-400">
                  {entry.modifiedBy ?? "—"}
                </td>
                {/* On a phone only the ⋯ stays: the name needs the width, and the menu holds every action. */}
                <td className="border-b border-zinc-100 px-1 py-1.5 dark:border-zinc-800/70">
                  <div className="flex items-center justify-end gap-0.5">
                    <span className="hidden items-center gap-0.5 sm:flex">
                      {entry.kind === "file" && canDownload ? (
                        <a
                          href={downloadUrl(entry.id, linkToken)}
                          download={entry.name}
                          tabIndex={-1}
                          aria-label={`Download ${entry.name}`}
                          title="Download"
                          className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-white"
                        >
                          <DownloadIcon />
                        </a>
                      ) : null}
                      {rowActions?.(entry)}
                    </span>
                    <button
                      type="button"
                      aria-label={`Actions for ${entry.name}`}
                      aria-haspopup="menu"
                      aria-expanded={menuOpen}
                      aria-controls={menuOpen ? menuId : undefined}
                      title="Actions"
                      // Tab reaches the ⋯ of the focused row only: one stop per listing, not one per row.
                      tabIndex={focused ? 0 : -1}
                      onClick={(event) => {
                        if (menuOpen) return setMenu(null);
                        setMenu({ entry, anchor: anchorBelow(event.currentTarget) });
                      }}
                      onKeyDown={(event) =>
                        menuButtonKeys(event, (anchor) => {
                          setMenu({ entry, anchor });
                        })
                      }
                      className="rounded p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
                    >
                      <MoreIcon />
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {menu ? (
        <Menu
          id={menuId}
          label={`Actions for ${menu.entry.name}`}
          items={menuItems(menu.entry)}
          anchor={menu.anchor}
          onClose={() => setMenu(null)}
        />
      ) : null}
    </>
  );
}
