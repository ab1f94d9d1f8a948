import type { ReactNode } from "react";

export type TableColumn<T> = {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** classes for this column's cells */
  className?: string;
  /** the cell that names its row: a row header for screen readers */
  rowHeader?: boolean;
};

type TableProps<T> = {
  /** what the table lists, for screen readers */
  caption: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** shown instead of the table when there are no rows; a string becomes a short note */
  empty: ReactNode;
  rowClassName?: (row: T) => string;
  /** a `data-testid` on every body row */
  rowTestId?: string;
};

const CELL = "px-3 py-1.5";

/** A bordered, horizontally scrolling data table with a header row, or its empty state when there is nothing to list. */
export function Table<T>({ caption, columns, rows, rowKey, empty, rowClassName, rowTestId }: TableProps<T>) {
  if (rows.length === 0) return typeof empty === "string" ? <p className="text-sm text-zinc-500">{empty}</p> : empty;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500 dark:bg-zinc-900">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-3 py-2">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr
              key={rowKey(row, r)}
              data-testid={rowTestId}
              className={`border-t border-zinc-100 dark:border-zinc-800 ${rowClassName?.(row) ?? ""}`}
            >
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={`${CELL} text-left font-medium ${c.className ?? ""}`}>
                    {c.cell(row, r)}
                  </th>
                ) : (
                  <td key={i} className={`${CELL} ${c.className ?? ""}`}>
                    {c.cell(row, r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
