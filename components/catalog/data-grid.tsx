"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DatasetQueryInput, Filter, SortKey } from "@/lib/catalog/query-schema";
import type { Column } from "@/lib/catalog/types";
import { formatNumber } from "@/lib/util/format";
import { fetchJson, rowsUrl } from "./api";
import { cellText } from "./cell";
import { DownloadMenu } from "./download-menu";
import { FilterBar, describeFilter } from "./filter-bar";

type Row = unknown[];
type RowsResponse = {
  columns: Column[];
  rows: Row[];
  total: number;
  offset: number;
  limit: number;
  version: number;
  /** view-only access: how many rows of the query paging reaches (null: all) */
  rowWindow: number | null;
};

const PAGE_SIZE = 50;
const noRows: Row[] = [];

type DataGridProps = {
  datasetId: string;
  columns: (Column & { description?: string })[];
  /** an earlier version to request; the current one when absent */
  version?: number;
  /** the number of the version shown (current or earlier): cached pages never outlive a new version */
  versionNumber: number;
  /** access-link pages: appended as ?link= to every data request */
  linkToken?: string;
  /** false for view-only access: no download menu, and paging stops at the server's row window */
  canDownload: boolean;
};

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * The data grid: rows come a page at a time from the server (the query service), sorted by any
 * column (click a header: ascending, descending, unsorted) and filtered per column (equals,
 * contains, range, is empty). The same view can be downloaded.
 */
export function DataGrid({ datasetId, columns, version, versionNumber, linkToken, canDownload }: DataGridProps) {
  const [sort, setSort] = useState<SortKey | null>(null);
  const [filters, setFilters] = useState<Filter[]>([]);
  const [page, setPage] = useState(0);

  const view: DatasetQueryInput = useMemo(
    () => ({ ...(filters.length ? { filters } : {}), ...(sort ? { sort: [sort] } : {}) }),
    [filters, sort],
  );
  const query: DatasetQueryInput = useMemo(
    () => ({ ...view, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
    [view, page],
  );
  const result = useQuery({
    queryKey: ["dataset-rows", datasetId, versionNumber, linkToken ?? "", query],
    queryFn: () => fetchJson<RowsResponse>(rowsUrl(datasetId, query, version, linkToken)),
    placeholderData: keepPreviousData,
    retry: false,
  });

  // Plain rows and columns: sorting, filtering and paging happen on the server, so a table library
  // only built a table model on every render, on the server and in the browser.
  const rows = result.data?.rows ?? noRows;
  const numeric = useMemo(() => columns.map((c) => NUMERIC.test(c.type)), [columns]);

  function toggleSort(column: string) {
    setPage(0);
    setSort((current) =>
      current?.column !== column
        ? { column, direction: "asc" }
        : current.direction === "asc"
          ? { column, direction: "desc" }
          : null,
    );
  }
  function changeFilters(next: Filter[]) {
    setPage(0);
    setFilters(next);
  }

  const total = result.data?.total ?? 0;
  const from = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);
  const rowWindow = result.data?.rowWindow ?? null;
  const reachable = rowWindow === null ? total : Math.min(total, rowWindow);
  const pageCount = Math.max(1, Math.ceil(reachable / PAGE_SIZE));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FilterBar columns={columns} filters={filters} onChange={changeFilters} />
        {canDownload ? (
          <DownloadMenu
            datasetId={datasetId}
            version={version}
            view={filters.length || sort ? view : undefined}
            linkToken={linkToken}
          />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="view-only-note">
            View only: downloads are turned off for you.
          </p>
        )}
      </div>
      {filters.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Active filters">
          {filters.map((f, i) => (
            <li
              key={i}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-3 pr-1 text-xs text-brand-700 dark:bg-brand-600/20 dark:text-brand-500"
            >
              {describeFilter(f)}
              <button
                type="button"
                aria-label={`Remove filter ${describeFilter(f)}`}
                className="rounded-full px-1.5 hover:bg-brand-600/20"
                onClick={() => changeFilters(filters.filter((_, j) => j !== i))}
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
        <table className="min-w-full text-sm" aria-label="Dataset rows" aria-rowcount={total + 1}>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-xs dark:bg-zinc-900">
            <tr>
              {columns.map((column, i) => {
                const direction = sort?.column === column.name ? sort.direction : null;
                return (
                  <th
                    key={i}
                    scope="col"
                    aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}
                    className="whitespace-nowrap border-b border-zinc-200 px-1 py-1 font-medium dark:border-zinc-800"
                  >
                    <button
                      type="button"
                      onClick={() => toggleSort(column.name)}
                      className="flex w-full items-center gap-1 rounded px-2 py-1 text-left hover:bg-zinc-200/60 dark:hover:bg-zinc-800"
                      title={`Sort by ${column.name}`}
                    >
                      <span>{column.name}</span>
                      {column.description ? (
                        <span data-testid="column-description" title={column.description} className="text-zinc-500">
                          <span aria-hidden="true">ⓘ</span>
                          <span className="sr-only">{column.description}</span>
                        </span>
                      ) : null}
                      <span className="font-mono text-[10px] font-normal text-zinc-500">{column.type}</span>
                      <span aria-hidden="true" className="ml-auto w-3 text-brand-600">
                        {direction === "asc" ? "▲" : direction === "desc" ? "▼" : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr
                key={r}
                className="border-t border-zinc-100 odd:bg-white even:bg-zinc-50/60 dark:border-zinc-800 dark:odd:bg-zinc-900 dark:even:bg-zinc-900/60"
              >
                {columns.map((_, i) => (
                  <td
                    key={i}
                    className={`max-w-80 truncate whitespace-nowrap px-3 py-1.5 ${numeric[i] ? "text-right tabular-nums" : ""}`}
                  >
                    {row[i] === null ? <span className="text-zinc-400">null</span> : cellText(row[i])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {result.isPending ? <p className="p-4 text-sm text-zinc-500">Loading rows…</p> : null}
        {result.data && result.data.rows.length === 0 ? (
          <p className="p-4 text-sm text-zinc-500">No rows match the filters.</p>
        ) : null}
      </div>

      <nav aria-label="Rows pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="grid-range">
          {result.data ? `Rows ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}` : " "}
        </span>
        <div className="flex items-center gap-2">
          <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span className="text-zinc-600 dark:text-zinc-400">
            Page {formatNumber(page + 1)} of {formatNumber(pageCount)}
          </span>
          <Button variant="secondary" disabled={page + 1 >= pageCount} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </div>
      </nav>
      {rowWindow !== null && total > rowWindow ? (
        <p className="text-xs text-zinc-500" role="note">
          View-only access shows the first {formatNumber(rowWindow)} rows of each view; filter or sort to see others.
        </p>
      ) : null}
    </div>
  );
}
