"use client";
import { useQuery } from "@tanstack/react-query";
import type { VersionProfile } from "@/lib/catalog/column-stats";
import type { ColumnProfile } from "@/lib/catalog/profile/types";
import { formatNumber, formatPercent } from "@/lib/util/format";
import { Table } from "@/components/ui/table";
import { fetchJson, statsUrl } from "./api";
import { DistinctCount } from "./profile/distinct-count";
import { HistogramChart } from "./profile/histogram-chart";
import { formatProfileValue } from "./profile/profile-format";
import { TopValues } from "./profile/top-values";

function Bound({ column, value }: { column: ColumnProfile; value: string | null }) {
  return <span title={value ?? undefined}>{formatProfileValue(column, value)}</span>;
}

function Moments({ column }: { column: ColumnProfile }) {
  if (column.mean === null) return <span className="text-zinc-500">—</span>;
  const approx = column.quantilesExact ? "" : "≈ ";
  return (
    <span>
      {formatNumber(column.mean)}
      {column.stddev !== null && <span className="text-zinc-500"> ± {formatNumber(column.stddev)}</span>}
      {column.quantiles && (
        <span className="block text-xs text-zinc-500">
          median {approx}
          {formatNumber(column.quantiles.p50)} (quartiles {approx}
          {formatNumber(column.quantiles.p25)} – {formatNumber(column.quantiles.p75)})
        </span>
      )}
    </span>
  );
}

function Distribution({ column, rows }: { column: ColumnProfile; rows: number }) {
  if (column.histogram)
    return (
      <HistogramChart
        column={column.name}
        histogram={column.histogram}
        dateOnly={column.type.toUpperCase() === "DATE"}
        approximate={!column.histogramExact}
      />
    );
  if (column.topValues) return <TopValues column={column} rows={rows} />;
  return <span className="text-zinc-500">—</span>;
}

/**
 * The schema with each column's profile (computed once per version at ingest): nulls, distinct values
 * (exact or marked approximate), min/max, mean of numbers, and a histogram or the most frequent values.
 */
export function ColumnStatsPanel({
  datasetId,
  version,
  versionNumber,
  linkToken,
  initialProfile,
}: {
  datasetId: string;
  version?: number;
  versionNumber: number;
  linkToken?: string;
  /** the profile the server read while rendering the page (none: the panel asks for it) */
  initialProfile?: VersionProfile;
}) {
  const stats = useQuery({
    queryKey: ["dataset-stats", datasetId, versionNumber, linkToken ?? ""],
    queryFn: () => fetchJson<VersionProfile>(statsUrl(datasetId, version, linkToken)),
    initialData: initialProfile,
    staleTime: Infinity, // a version's profile never changes
    retry: false,
  });
  if (stats.isPending) return <p className="text-sm text-zinc-500">Loading the column profile…</p>;
  if (stats.isError)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {stats.error.message}
      </p>
    );
  const { rows, columns, exactRowLimit } = stats.data;
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500">
        {formatNumber(rows)} rows. Distinct counts and quartiles are exact up to {formatNumber(exactRowLimit)} rows;
        beyond, they are estimates marked ≈.
      </p>
      <Table
        caption={`Columns of version ${stats.data.version} with their profile`}
        rows={columns}
        rowKey={(c) => c.name}
        rowTestId="column-profile"
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
          {
            header: "Distinct",
            cell: (c) => <DistinctCount column={c} />,
            className: "whitespace-nowrap tabular-nums",
          },
          { header: "Min", cell: (c) => <Bound column={c} value={c.min} />, className: "whitespace-nowrap" },
          { header: "Max", cell: (c) => <Bound column={c} value={c.max} />, className: "whitespace-nowrap" },
          { header: "Mean", cell: (c) => <Moments column={c} />, className: "whitespace-nowrap tabular-nums" },
          { header: "Distribution", cell: (c) => <Distribution column={c} rows={rows} /> },
        ]}
      />
    </div>
  );
}
