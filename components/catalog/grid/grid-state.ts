import type { Filter, SortKey } from "@/lib/catalog/query-schema";
import type { Column } from "@/lib/catalog/types";
import { filterProblem } from "./filter-value";

/** Everything about the grid a reload or a shared URL must bring back. */
export type GridState = {
  /** sort keys, most significant first */
  sort: SortKey[];
  filters: Filter[];
  /** columns not shown (and not fetched) */
  hidden: string[];
  /** columns kept at the left edge, in this order */
  pinned: string[];
  /** column widths in pixels chosen by the reader */
  widths: Record<string, number>;
  /** 1-based */
  page: number;
  pageSize: number;
};

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 1200;
const MAX_SORT_KEYS = 8;
const MAX_FILTERS = 50;

export const emptyGridState: GridState = {
  sort: [],
  filters: [],
  hidden: [],
  pinned: [],
  widths: {},
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

// URL vocabulary. Repeated parameters and column names as keys keep every value free of custom
// escaping: `sort=temperature:desc`, `f.eq.city=Bergen`, `f.ge.t=0&f.le.t=10`, `hide=id`, `pin=city`,
// `w.city=240`, `page=3`, `size=100`. Other parameters on the page (version, link) are left alone.
const FILTER_PREFIX = "f.";
const WIDTH_PREFIX = "w.";
const FILTER_OPS = { eq: "eq", contains: "contains", ge: "range", le: "range", null: "is_null", notnull: "not_null" };
type UrlOp = keyof typeof FILTER_OPS;

const isGridKey = (key: string) =>
  ["sort", "hide", "pin", "page", "size"].includes(key) ||
  key.startsWith(FILTER_PREFIX) ||
  key.startsWith(WIDTH_PREFIX);

const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Reads the grid's state from a page's search parameters against the dataset's columns. Anything
 * that does not fit (an unknown column, a bad direction, a value not of the column's type, a page
 * that is not a positive whole number) is dropped and named in `notices`, so a stale or edited URL
 * still opens a working grid and says what it ignored.
 */
export function parseGridState(params: URLSearchParams, columns: Column[]): { state: GridState; notices: string[] } {
  const names = new Set(columns.map((c) => c.name));
  const notices: string[] = [];
  const state: GridState = { ...emptyGridState, sort: [], filters: [], hidden: [], pinned: [], widths: {} };
  const unknown = (name: string, where: string) => notices.push(`Unknown column "${shown(name)}" in the ${where}.`);

  for (const [key, value] of params) {
    if (key === "sort") {
      const at = value.lastIndexOf(":");
      const column = at < 0 ? value : value.slice(0, at);
      const direction = at < 0 ? "asc" : value.slice(at + 1);
      if (!names.has(column)) unknown(column, "sort");
      else if (direction !== "asc" && direction !== "desc")
        notices.push(`The sort direction "${shown(direction)}" is not "asc" or "desc".`);
      else if (state.sort.some((s) => s.column === column))
        notices.push(`"${shown(column)}" was sorted on twice; the first one counts.`);
      else if (state.sort.length >= MAX_SORT_KEYS) notices.push(`At most ${MAX_SORT_KEYS} sort columns.`);
      else state.sort.push({ column, direction });
    } else if (key === "hide" || key === "pin") {
      const list = key === "hide" ? state.hidden : state.pinned;
      if (!names.has(value)) unknown(value, key === "hide" ? "hidden columns" : "pinned columns");
      else if (!list.includes(value)) list.push(value);
    } else if (key === "page" || key === "size") {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
      if (key === "page" && n >= 1) state.page = n;
      else if (key === "size" && (PAGE_SIZES as readonly number[]).includes(n)) state.pageSize = n;
      else
        notices.push(
          key === "page"
            ? `The page "${shown(value)}" is not a whole number from 1.`
            : `The page size "${shown(value)}" is not one of ${PAGE_SIZES.join(", ")}.`,
        );
    } else if (key.startsWith(WIDTH_PREFIX)) {
      const column = key.slice(WIDTH_PREFIX.length);
      const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
      if (!names.has(column)) unknown(column, "column widths");
      else if (!(n >= MIN_WIDTH && n <= MAX_WIDTH))
        notices.push(`The width "${shown(value)}" of "${shown(column)}" is not ${MIN_WIDTH}–${MAX_WIDTH} pixels.`);
      else state.widths[column] = n;
    } else if (key.startsWith(FILTER_PREFIX)) {
      const rest = key.slice(FILTER_PREFIX.length);
      const dot = rest.indexOf(".");
      const op = rest.slice(0, dot < 0 ? rest.length : dot) as UrlOp;
      const column = dot < 0 ? "" : rest.slice(dot + 1);
      if (!(op in FILTER_OPS) || dot < 0) {
        notices.push(`"${shown(key)}" is not a filter this grid knows.`);
        continue;
      }
      const filter = toFilter(op, column, value);
      const problem = names.has(column) ? filterProblem(columns, filter) : undefined;
      if (!names.has(column)) unknown(column, "filters");
      else if (problem) notices.push(`A filter was dropped: ${problem}`);
      else if (state.filters.length >= MAX_FILTERS) notices.push(`At most ${MAX_FILTERS} filters.`);
      else addFilter(state.filters, filter, op);
    }
  }
  // Every column hidden would leave nothing to show (and nothing to ask the server for).
  if (columns.length && state.hidden.length >= columns.length) {
    notices.push("Every column was hidden; showing them all.");
    state.hidden = [];
  }
  return { state, notices };
}

function toFilter(op: UrlOp, column: string, value: string): Filter {
  switch (op) {
    case "eq":
      return { column, op: "eq", value };
    case "contains":
      return { column, op: "contains", value };
    case "ge":
      return { column, op: "range", min: value };
    case "le":
      return { column, op: "range", max: value };
    case "null":
      return { column, op: "is_null" };
    case "notnull":
      return { column, op: "not_null" };
  }
}

/** A lower bound directly followed by an upper bound on the same column is one "between" filter. */
function addFilter(filters: Filter[], filter: Filter, op: UrlOp) {
  const last = filters.at(-1);
  if (
    op === "le" &&
    filter.op === "range" &&
    last?.op === "range" &&
    last.column === filter.column &&
    last.min !== undefined &&
    last.max === undefined
  )
    filters[filters.length - 1] = { ...last, max: filter.max };
  else filters.push(filter);
}

/**
 * Writes the grid's state into a copy of `base` (a page's current search parameters), replacing
 * only the grid's own keys; defaults are left out so an untouched grid keeps a clean URL.
 */
export function serializeGridState(state: GridState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of base) if (!isGridKey(key)) out.append(key, value);
  for (const s of state.sort) out.append("sort", `${s.column}:${s.direction}`);
  for (const f of state.filters) {
    const key = (op: UrlOp) => `${FILTER_PREFIX}${op}.${f.column}`;
    if (f.op === "eq" || f.op === "contains") out.append(key(f.op), String(f.value));
    else if (f.op === "is_null") out.append(key("null"), "");
    else if (f.op === "not_null") out.append(key("notnull"), "");
    else {
      if (f.min !== undefined) out.append(key("ge"), String(f.min));
      if (f.max !== undefined) out.append(key("le"), String(f.max));
    }
  }
  for (const column of state.hidden) out.append("hide", column);
  for (const column of state.pinned) out.append("pin", column);
  for (const [column, width] of Object.entries(state.widths)) out.append(`${WIDTH_PREFIX}${column}`, String(width));
  if (state.page !== 1) out.set("page", String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) out.set("size", String(state.pageSize));
  return out;
}

/** The columns in display order: pinned ones first (in pin order), then the rest in schema order, hidden left out. */
export function visibleColumns<C extends Column>(columns: C[], state: Pick<GridState, "hidden" | "pinned">): C[] {
  const shownColumns = columns.filter((c) => !state.hidden.includes(c.name));
  const pinned = state.pinned
    .map((name) => shownColumns.find((c) => c.name === name))
    .filter((c): c is C => c !== undefined);
  return [...pinned, ...shownColumns.filter((c) => !state.pinned.includes(c.name))];
}

/**
 * The sort after a click on a column's header: ascending, then descending, then unsorted. A plain
 * click sorts by that column alone; `add` (Shift+click) changes or appends only that key, keeping
 * the others (at most 8).
 */
export function nextSort(sort: SortKey[], column: string, add: boolean): SortKey[] {
  const current = sort.find((s) => s.column === column);
  const next: SortKey | null = !current
    ? { column, direction: "asc" }
    : current.direction === "asc"
      ? { column, direction: "desc" }
      : null;
  if (!add) return next ? [next] : [];
  if (!next) return sort.filter((s) => s.column !== column);
  return current ? sort.map((s) => (s.column === column ? next : s)) : [...sort, next].slice(0, MAX_SORT_KEYS);
}
