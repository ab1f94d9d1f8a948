"use client";
import { hashKey, keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { DatasetQueryInput, Filter } from "@/lib/catalog/query-schema";
import { formatNumber } from "@/lib/util/format";
import { ApiError, fetchJson, rowsUrl } from "./api";
import { cellText } from "./cell";
import { DownloadMenu } from "./download-menu";
import { FilterBar, describeFilter } from "./filter-bar";
import { ColumnMenu } from "./grid/column-menu";
import { defaultWidth } from "./grid/column-widths";
import { type InitialRows, type RowsResponse, gridQuery, rowsQueryKey } from "./grid/grid-query";
import { nextSort, visibleColumns } from "./grid/grid-state";
import { type GridColumn, HeaderCell } from "./grid/header-cell";
import { Pager } from "./grid/pager";
import { useGridState } from "./grid/use-grid-state";

type Row = unknown[];

const noRows: Row[] = [];
// Pages stay fresh for a while, so the page a filter was checked with is shown without a second request.
const STALE_MS = 30_000;

type DataGridProps = {
  datasetId: string;
  columns: GridColumn[];
  /** an earlier version to request; the current one when absent */
  version?: number;
  /** the number of the version shown (current or earlier): cached pages never outlive a new version */
  versionNumber: number;
  /** access-link pages: appended as ?link= to every data request */
  linkToken?: string;
  /** false for view-only access: no download menu, and paging stops at the server's row window */
  canDownload: boolean;
  /** the page of rows the server read for the URL it rendered (none: the grid asks for it) */
  initialRows?: InitialRows;
};

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * The data grid: rows come a page at a time from the server (the query service), sorted by one
 * or more columns, filtered per column, with columns hidden, pinned and resized. All of it lives
 * in the page's URL (useGridState), so a reload or a shared link shows the same view.
 */
export function DataGrid({
  datasetId,
  columns,
  version,
  versionNumber,
  linkToken,
  canDownload,
  initialRows,
}: DataGridProps) {
  const { state, setState, notices, dismissNotices } = useGridState(columns);
  const queryClient = useQueryClient();
  const { view, page: query } = useMemo(() => gridQuery(state, columns), [state, columns]);
  const rowsQuery = (q: DatasetQueryInput) => ({
    queryKey: rowsQueryKey(datasetId, versionNumber, linkToken, q),
    queryFn: () => fetchJson<RowsResponse>(rowsUrl(datasetId, q, version, linkToken)),
    staleTime: STALE_MS,
    retry: false,
  });
  // The server's page answers only the very query it was read for (compared as the cache compares keys).
  const initial = initialRows && hashKey([initialRows.query]) === hashKey([query]) ? initialRows : undefined;
  const result = useQuery({
    ...rowsQuery(query),
    placeholderData: keepPreviousData,
    ...(initial ? { initialData: initial.data, initialDataUpdatedAt: initial.readAt } : {}),
  });

  const rows = result.data?.rows ?? noRows;
  const shown = useMemo(() => visibleColumns(columns, state), [columns, state]);
  // Rows come in the response's column order; the grid shows pinned columns first.
  const indexOf = useMemo(() => {
    const names = (result.data?.columns ?? columns).map((c) => c.name);
    return shown.map((c) => names.indexOf(c.name));
  }, [result.data?.columns, columns, shown]);
  const widths = shown.map((c) => state.widths[c.name] ?? defaultWidth(c));
  const pinnedCount = shown.filter((c) => state.pinned.includes(c.name)).length;
  const stickyLeft = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));

  const total = result.data?.total ?? 0;
  const rowWindow = result.data?.rowWindow ?? null;
  const reachable = rowWindow === null ? total : Math.min(total, rowWindow);
  const pageCount = Math.max(1, Math.ceil(reachable / state.pageSize));
  const from = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const to = Math.min(total, state.page * state.pageSize);

  // A page past the end (a shared URL after rows were removed, a hand-edited page number): the last page.
  const pastEnd = Boolean(result.data && !result.isPlaceholderData && state.page > pageCount);
  useEffect(() => {
    if (pastEnd) setState({ ...state, page: pageCount });
  }, [pastEnd, pageCount, state, setState]);

  function sortBy(column: string, add: boolean) {
    setState({ ...state, sort: nextSort(state.sort, column, add), page: 1 });
  }

  /** Adds a filter once the server has answered its first page; a refusal comes back as the message. */
  async function addFilter(filter: Filter): Promise<string | undefined> {
    const next = { ...state, filters: [...state.filters, filter], page: 1 };
    try {
      await queryClient.fetchQuery(rowsQuery(gridQuery(next, columns).page));
    } catch (error) {
      return error instanceof ApiError && error.status < 500
        ? error.message
        : "The filter could not be checked just now; try again.";
    }
    setState(next);
    return undefined;
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FilterBar columns={columns} onAdd={addFilter} />
        <div className="flex flex-wrap items-start gap-2">
          <ColumnMenu columns={columns} state={state} onChange={(next) => setState(next)} />
          {canDownload ? (
            <DownloadMenu
              datasetId={datasetId}
              version={version}
              view={Object.keys(view).length ? view : undefined}
              linkToken={linkToken}
            />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="view-only-note">
              View only: downloads are turned off for you.
            </p>
          )}
        </div>
      </div>
      {notices.length ? (
        <div
          role="status"
          className="flex items-start justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
        >
          <div>
            <p className="font-medium">Part of this link&apos;s grid view could not be used and was left out:</p>
            <ul className="mt-1 list-disc pl-5">
              {notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="underline" onClick={dismissNotices}>
            Dismiss
          </button>
        </div>
      ) : null}
      {state.filters.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Active filters">
          {state.filters.map((f, i) => (
            <li
              key={i}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-3 pr-1 text-xs text-brand-700 dark:bg-brand-600/20 dark:text-brand-500"
            >
              {describeFilter(f)}
              <button
                type="button"
                aria-label={`Remove filter ${describeFilter(f)}`}
                className="rounded-full px-1.5 hover:bg-brand-600/20"
                onClick={() => setState({ ...state, filters: state.filters.filter((_, j) => j !== i), page: 1 })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {result.isError ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          {result.error.message}
        </p>
      ) : null}

      <div
        className="max-h-[70vh] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800"
        aria-busy={result.isFetching}
      >
        <table
          className="table-fixed text-sm"
          style={{ width: widths.reduce((a, b) => a + b, 0) }}
          aria-label="Dataset rows"
          aria-rowcount={total + 1}
        >
          <colgroup>
            {shown.map((c, i) => (
              <col key={c.name} style={{ width: widths[i] }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-xs dark:bg-zinc-900">
            <tr>
              {shown.map((column, i) => {
                const rank = state.sort.findIndex((s) => s.column === column.name);
                return (
                  <HeaderCell
                    key={column.name}
                    column={column}
                    sort={rank < 0 ? null : state.sort[rank]!.direction}
                    sortRank={rank >= 0 && state.sort.length > 1 ? rank + 1 : null}
                    width={widths[i]!}
                    stickyLeft={i < pinnedCount ? stickyLeft[i] : undefined}
                    onSort={sortBy}
                    onResize={(name, resize) =>
                      setState((current) => ({
                        ...current,
                        widths: { ...current.widths, [name]: resize(current.widths[name] ?? defaultWidth(column)) },
                      }))
                    }
                  />
                );
              })}
            </tr>
          </thead>
          {/* Row and cell styles are set once here, not on each of a page's hundreds of cells (the page's HTML). */}
          <tbody className="[&>tr:nth-child(even)]:bg-zinc-50 [&>tr:nth-child(odd)]:bg-white [&>tr]:border-t [&>tr]:border-zinc-100 dark:[&>tr]:border-zinc-800 dark:[&>tr:nth-child(even)]:bg-zinc-900 dark:[&>tr:nth-child(odd)]:bg-zinc-900 [&_td]:truncate [&_td]:px-3 [&_td]:py-1.5">
            {rows.map((row, r) => (
              <tr key={r}>
                {shown.map((column, i) => {
                  const value = indexOf[i]! < 0 ? null : row[indexOf[i]!];
                  const pinned = i < pinnedCount;
                  return (
                    <td
                      key={column.name}
                      style={pinned ? { left: stickyLeft[i] } : undefined}
                      className={
                        [
                          NUMERIC.test(column.type) ? "text-right tabular-nums" : "",
                          pinned ? "sticky z-[1] bg-zinc-100 dark:bg-zinc-800" : "",
                        ]
                          .join(" ")
                          .trim() || undefined
                      }
                    >
                      {value === null || value === undefined ? (
                        <span className="text-zinc-400">null</span>
                      ) : (
                        cellText(value)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {result.isPending ? <p className="p-4 text-sm text-zinc-500">Loading rows…</p> : null}
        {result.data && result.data.rows.length === 0 && !pastEnd ? (
          <p className="p-4 text-sm text-zinc-500">No rows match the filters.</p>
        ) : null}
      </div>

      <nav aria-label="Rows pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="grid-range">
          {result.data ? `Rows ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}` : " "}
        </span>
        <Pager
          page={state.page}
          pageCount={pageCount}
          pageSize={state.pageSize}
          onPage={(page) => setState({ ...state, page })}
          onPageSize={(pageSize) => setState({ ...state, pageSize, page: 1 })}
        />
      </nav>
      {rowWindow !== null && total > rowWindow ? (
        <p className="text-xs text-zinc-500" role="note">
          View-only access shows the first {formatNumber(rowWindow)} rows of each view; filter or sort to see others.
        </p>
      ) : null}
    </div>
  );
}
