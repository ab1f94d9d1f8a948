"use client";
import { useQuery } from "@tanstack/react-query";
import type { ColumnStats } from "@/lib/catalog/column-stats";
import { formatNumber } from "@/lib/util/format";
import { fetchJson, statsUrl } from "./api";

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
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Columns of version {stats.data.version} with their statistics</caption>
        <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500 dark:bg-zinc-900">
          <tr>
            {["Column", "Type", "Nulls", "Distinct (approx.)", "Min", "Max", "Mean"].map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.data.columns.map((c) => (
            <tr key={c.name} className="border-t border-zinc-100 dark:border-zinc-800">
              <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-medium">
                {c.name}
              </th>
              <td className="px-3 py-1.5 font-mono text-xs">{c.type}</td>
              <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">
                {formatNumber(c.nulls)} <span className="text-zinc-500">({c.nullPercent.toFixed(1)}%)</span>
              </td>
              <td className="px-3 py-1.5 tabular-nums">{formatNumber(c.distinct)}</td>
              <td className="whitespace-nowrap px-3 py-1.5" title={c.min ?? undefined}>
                {short(c.min)}
              </td>
              <td className="whitespace-nowrap px-3 py-1.5" title={c.max ?? undefined}>
                {short(c.max)}
              </td>
              <td className="whitespace-nowrap px-3 py-1.5 tabular-nums" title={c.avg ?? undefined}>
                {mean(c.avg)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
