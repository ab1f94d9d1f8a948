"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson, withLink } from "@/components/ui/fetch-json";
import type { SummaryResult } from "@/lib/aggregate/run-summary";
import { MAX_GROUP_COLUMNS, MAX_MEASURES, type MeasureFunction } from "@/lib/aggregate/summary-schema";
import type { Filter } from "@/lib/catalog/query-schema";
import { isScalarType, typeFamily } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";
import { formatNumber } from "@/lib/util/format";

const control =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900";

const FUNCTION_LABELS: Record<MeasureFunction, string> = {
  count: "Count of rows",
  sum: "Sum of",
  avg: "Average of",
  min: "Minimum of",
  max: "Maximum of",
};

type FilterOp = "eq" | "contains" | "min" | "max" | "is_null" | "not_null";
const FILTER_LABELS: Record<FilterOp, string> = {
  eq: "equals",
  contains: "contains",
  min: "is at least",
  max: "is at most",
  is_null: "is empty",
  not_null: "is not empty",
};
type FilterDraft = { column: string; op: FilterOp; value: string };
type MeasureDraft = { fn: MeasureFunction; column: string };

/** A draft filter as the query's filter (the same structure the grid sends). */
function toFilter(f: FilterDraft): Filter {
  if (f.op === "is_null" || f.op === "not_null") return { column: f.column, op: f.op };
  if (f.op === "min") return { column: f.column, op: "range", min: f.value };
  if (f.op === "max") return { column: f.column, op: "range", max: f.value };
  return f.op === "contains"
    ? { column: f.column, op: "contains", value: f.value }
    : { column: f.column, op: "eq", value: f.value };
}

function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return formatNumber(BigInt(value));
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Summarise: grouped totals of a dataset (0 to 3 group columns, counts and numeric measures,
 * optional filters). The server writes the query and, for a "Totals only" grantee, refuses any
 * answer with a group under their minimum group size; this panel only sends the structure.
 */
export function SummarisePanel({
  datasetId,
  columns,
  minGroupSize,
  linkToken,
}: {
  datasetId: string;
  columns: Column[];
  /** the viewer's minimum group size (Totals only), shown as a hint; null: none */
  minGroupSize: number | null;
  linkToken?: string;
}) {
  const id = useId();
  const groupable = columns.filter((c) => isScalarType(c.type));
  const numeric = columns.filter((c) => ["integer", "decimal"].includes(typeFamily(c.type)));
  const [groupBy, setGroupBy] = useState<string[]>([]);
  const [measures, setMeasures] = useState<MeasureDraft[]>([{ fn: "count", column: "" }]);
  const [filters, setFilters] = useState<FilterDraft[]>([]);

  const summary = useMutation({
    mutationFn: () =>
      fetchJson<SummaryResult>(withLink(`/api/datasets/${datasetId}/summary`, linkToken), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          groupBy: groupBy.filter(Boolean),
          measures: measures.map((m) => (m.fn === "count" ? { fn: "count" } : { fn: m.fn, column: m.column })),
          filters: filters.filter((f) => f.column).map(toFilter),
        }),
      }),
  });
  const result = summary.data;

  const setMeasure = (i: number, next: Partial<MeasureDraft>) =>
    setMeasures(measures.map((m, j) => (j === i ? { ...m, ...next } : m)));
  const setFilter = (i: number, next: Partial<FilterDraft>) =>
    setFilters(filters.map((f, j) => (j === i ? { ...f, ...next } : f)));

  return (
    <div className="space-y-4" data-testid="summarise-panel">
      {minGroupSize !== null ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You can see totals, not rows. Every group must have at least {formatNumber(minGroupSize)} rows.
        </p>
      ) : null}
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          summary.mutate();
        }}
      >
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="mb-1 text-sm font-medium">Group by</legend>
          {Array.from({ length: MAX_GROUP_COLUMNS }, (_, i) => (
            <select
              key={i}
              aria-label={`Group by column ${i + 1}`}
              className={control}
              value={groupBy[i] ?? ""}
              disabled={i > groupBy.filter(Boolean).length}
              onChange={(e) => {
                const next = [...groupBy];
                next[i] = e.target.value;
                setGroupBy(next.filter(Boolean));
              }}
            >
              <option value="">{i === 0 ? "— no grouping (one total) —" : "—"}</option>
              {groupable
                .filter((c) => c.name === groupBy[i] || !groupBy.includes(c.name))
                .map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
            </select>
          ))}
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">Measures</legend>
          {measures.map((m, i) => (
            <div key={i} className="flex flex-wrap items-center gap-2">
              <select
                aria-label={`Measure ${i + 1}`}
                className={control}
                value={m.fn}
                onChange={(e) => {
                  const fn = e.target.value as MeasureFunction;
                  setMeasure(i, { fn, column: fn === "count" ? "" : m.column || (numeric[0]?.name ?? "") });
                }}
              >
                {(Object.keys(FUNCTION_LABELS) as MeasureFunction[])
                  .filter((fn) => fn === "count" || numeric.length > 0)
                  .map((fn) => (
                    <option key={fn} value={fn}>
                      {FUNCTION_LABELS[fn]}
                    </option>
                  ))}
              </select>
              {m.fn !== "count" ? (
                <select
                  aria-label={`Column of measure ${i + 1}`}
                  className={control}
                  value={m.column}
                  onChange={(e) => setMeasure(i, { column: e.target.value })}
                >
                  {numeric.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
              ) : null}
              {measures.length > 1 ? (
                <Button variant="ghost" onClick={() => setMeasures(measures.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              ) : null}
            </div>
          ))}
          {measures.length < MAX_MEASURES ? (
            <Button variant="secondary" onClick={() => setMeasures([...measures, { fn: "count", column: "" }])}>
              Add a measure
            </Button>
          ) : null}
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">Only rows where (optional)</legend>
          {filters.map((f, i) => (
            <div key={i} className="flex flex-wrap items-center gap-2">
              <select
                aria-label={`Filter ${i + 1} column`}
                className={control}
                value={f.column}
                onChange={(e) => setFilter(i, { column: e.target.value })}
              >
                {columns.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
              <select
                aria-label={`Filter ${i + 1} condition`}
                className={control}
                value={f.op}
                onChange={(e) => setFilter(i, { op: e.target.value as FilterOp })}
              >
                {(Object.keys(FILTER_LABELS) as FilterOp[]).map((op) => (
                  <option key={op} value={op}>
                    {FILTER_LABELS[op]}
                  </option>
                ))}
              </select>
              {f.op !== "is_null" && f.op !== "not_null" ? (
                <input
                  aria-label={`Filter ${i + 1} value`}
                  className={control}
                  value={f.value}
                  onChange={(e) => setFilter(i, { value: e.target.value })}
                />
              ) : null}
              <Button variant="ghost" onClick={() => setFilters(filters.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
          {columns.length ? (
            <Button
              variant="secondary"
              onClick={() => setFilters([...filters, { column: columns[0]!.name, op: "eq", value: "" }])}
            >
              Add a filter
            </Button>
          ) : null}
        </fieldset>

        <Button type="submit" disabled={summary.isPending}>
          {summary.isPending ? "Summarising…" : "Summarise"}
        </Button>
      </form>

      {summary.error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {summary.error.message}
        </p>
      ) : null}
      {result && !summary.error ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" aria-labelledby={`${id}-caption`} data-testid="summary-table">
            <caption id={`${id}-caption`} className="sr-only">
              Summary
            </caption>
            <thead>
              <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
                {[...result.groupBy.map((c) => c.name), ...result.measures].map((label, i) => (
                  <th
                    key={i}
                    scope="col"
                    className={`px-2 py-1.5 font-medium ${i >= result.groupBy.length ? "text-right" : ""}`}
                  >
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, r) => (
                <tr key={r} className="border-b border-zinc-100 dark:border-zinc-800" data-testid="summary-row">
                  {row.map((value, i) => (
                    <td key={i} className={`px-2 py-1 ${i >= result.groupBy.length ? "text-right tabular-nums" : ""}`}>
                      {shownValue(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
