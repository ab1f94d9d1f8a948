"use client";
import { useQuery } from "@tanstack/react-query";
import type { ColumnStats } from "@/lib/catalog/column-stats";
import { formatNumber, formatPercent } from "@/lib/util/format";
import { fetchJson, statsUrl } from "./api";
import { Table } from "@/components/ui/table";

const short = (v: string | null) => (v === null ? "—" : v.length > 40 ? `${v.slice(0, 40)}…` : v);
/** Means of numbers are formatted; those of dates and timestamps (DuckDB gives a timestamp) are shown as they are. */
const mean = (v: string | null) => (v === null ? "—" : Number.isFinite(Number(v)) ? formatNumber(Number(v)) : short(v));

/** The schema with per-column statistics (DuckDB SUMMARIZE), computed by the server on first request. */
export function ColumnStatsPanel({
  datasetId,
  version,
  versionNumber,
  linkToken,
}: {
  datasetId: string;
  version?: number;
  versionNumber: number;
  linkToken?: string;
}) {
  const stats = useQuery({
    queryKey: ["dataset-stats", datasetId, versionNumber, linkToken ?? ""],
    queryFn: () => fetchJson<{ version: number; columns: ColumnStats[] }>(statsUrl(datasetId, version, linkToken)),
    staleTime: Infinity, // a version's statistics never change
    retry: false,
  });
  if (stats.isPending) return <p className="text-sm text-zinc-500">Computing column statistics…</p>;
  if (stats.isError)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {stats.error.message}
      </p>
    );
  return (
    <Table
      caption={`Columns of version ${stats.data.version} with their statistics`}
      rows={stats.data.columns}
      rowKey={(c) => c.name}
      empty="No columns."
      columns={[
        { header: "Column", cell: (c) => c.name, rowHeader: true, className: "whitespace-nowrap" },
        { header: "Type", cell: (c) => c.type, className: "font-mono text-xs" },
        {
          header: "Nulls",
          cell: (c) => (
            <>
              {formatNumber(c.nulls)} <span className="text-zinc-500">({formatPercent(c.nullPercent)})</span>
            </>
          ),
          className: "whitespace-nowrap tabular-nums",
        },
        { header: "Distinct (approx.)", cell: (c) => formatNumber(c.distinct), className: "tabular-nums" },
        {
          header: "Min",
          cell: (c) => <span title={c.min ?? undefined}>{short(c.min)}</span>,
          className: "whitespace-nowrap",
        },
        {
          header: "Max",
          cell: (c) => <span title={c.max ?? undefined}>{short(c.max)}</span>,
          className: "whitespace-nowrap",
        },
        {
          header: "Mean",
          cell: (c) => <span title={c.avg ?? undefined}>{mean(c.avg)}</span>,
          className: "whitespace-nowrap tabular-nums",
        },
      ]}
    />
  );
}
