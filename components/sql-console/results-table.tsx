import { cellText } from "@/components/catalog/cell";
import type { ConsoleResult } from "./types";

/** A console result page: the dataset grid's cell text, column names with their types. */
export function ResultsTable({ result }: { result: ConsoleResult }) {
  if (result.columns.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full text-sm" aria-label="Query result">
        <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
          <tr>
            {result.columns.map((c, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {c.name} <span className="text-xs font-normal text-zinc-500">{c.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, r) => (
            <tr key={r} className="border-t border-zinc-100 dark:border-zinc-800">
              {row.map((value, c) => (
                <td key={c} className="max-w-xs truncate whitespace-nowrap px-3 py-1.5 font-mono text-xs">
                  {value === null ? <span className="text-zinc-400">null</span> : cellText(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
