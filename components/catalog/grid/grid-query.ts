import type { DatasetQueryInput } from "@/lib/catalog/query-schema";
import type { Column } from "@/lib/catalog/types";
import type { GridState } from "./grid-state";

/** One page of rows as the rows route (`/api/datasets/{id}/rows`) answers it. */
export type RowsResponse = {
  columns: Column[];
  rows: unknown[][];
  total: number;
  offset: number;
  limit: number;
  version: number;
  /** view-only access: how many rows of the query paging reaches (null: all) */
  rowWindow: number | null;
};

/**
 * A page of rows read on the server while the page rendered: the grid shows it as its first
 * answer instead of asking for the same page again from the browser.
 */
export type InitialRows = {
  /** the page's structured query, as gridQuery made it from the URL the page was rendered for */
  query: DatasetQueryInput;
  data: RowsResponse;
  /** when it was read (ms since the epoch): the grid's freshness window counts from here */
  readAt: number;
};

/** The structured query of a grid state: the view (filters, sort, shown columns) and its page. */
export function gridQuery(state: GridState, columns: Column[]): { view: DatasetQueryInput; page: DatasetQueryInput } {
  const view: DatasetQueryInput = {
    ...(state.filters.length ? { filters: state.filters } : {}),
    ...(state.sort.length ? { sort: state.sort } : {}),
    // Hidden columns are not fetched (nor downloaded with "this view").
    ...(state.hidden.length
      ? { columns: columns.filter((c) => !state.hidden.includes(c.name)).map((c) => c.name) }
      : {}),
  };
  return { view, page: { ...view, limit: state.pageSize, offset: (state.page - 1) * state.pageSize } };
}

/**
 * The grid's TanStack Query key for a page of rows. The server-rendered first page is handed over
 * under the same key, so it must be built here and only here.
 */
export function rowsQueryKey(
  datasetId: string,
  versionNumber: number,
  linkToken: string | undefined,
  query: DatasetQueryInput,
) {
  return ["dataset-rows", datasetId, versionNumber, linkToken ?? "", query] as const;
}

/** A page's search parameters as Next hands them to a page, back in URL form (repeated keys kept in order). */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  }
  return params;
}
