import type { ColumnProfile } from "@/lib/catalog/profile/types";
import { formatNumber, formatPercent } from "@/lib/util/format";

/** The most frequent values of a text or boolean column, as a list of bars with their counts and share of rows. */
export function TopValues({ column, rows }: { column: ColumnProfile; rows: number }) {
  const values = column.topValues ?? [];
  if (values.length === 0) return null;
  const max = values[0]!.count || 1;
  return (
    <ol
      aria-label={`Most frequent values of ${column.name}`}
      tabIndex={0}
      className="min-w-48 space-y-0.5 rounded-sm text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      data-testid="top-values"
    >
      {values.map((v) => (
        <li key={v.value} className="grid grid-cols-[minmax(0,8rem)_1fr_auto] items-center gap-2">
          <span className="truncate" title={v.value}>
            {v.value === "" ? <em className="text-zinc-500">(empty)</em> : v.value}
          </span>
          <span aria-hidden="true" className="h-2 rounded-sm bg-zinc-100 dark:bg-zinc-800">
            <span
              className="block h-2 rounded-sm bg-sky-600 dark:bg-sky-400"
              style={{ width: `${(v.count / max) * 100}%` }}
            />
          </span>
          <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
            {formatNumber(v.count)}
            <span className="sr-only"> rows, {formatPercent(rows ? (v.count / rows) * 100 : 0)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
