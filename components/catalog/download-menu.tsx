"use client";
import type { DatasetQueryInput } from "@/lib/catalog/query-schema";
import { downloadUrl } from "./api";

const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "jsonl", label: "JSON Lines" },
  { format: "parquet", label: "Parquet" },
] as const;

const itemClass =
  "block rounded px-3 py-1.5 text-sm hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800";

/**
 * Download links (streamed by the server): the whole dataset version, and, when the grid is
 * filtered or sorted, exactly that view. Plain links, so they work with the keyboard and
 * without waiting for JavaScript. CSV downloads neutralise formula cells; "Raw CSV" keeps them.
 */
export function DownloadMenu({
  datasetId,
  version,
  view,
  linkToken,
}: {
  datasetId: string;
  version?: number;
  view?: DatasetQueryInput;
  linkToken?: string;
}) {
  return (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md border border-zinc-300 bg-white px-3.5 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
        Download <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        {view ? (
          <>
            <p className="px-3 pb-1 pt-2 text-xs font-semibold uppercase text-zinc-500">This view (filters and sort)</p>
            {FORMATS.map((f) => (
              <a
                key={f.format}
                className={itemClass}
                download
                href={downloadUrl(datasetId, f.format, { query: view, version }, linkToken)}
              >
                Filtered view as {f.label}
              </a>
            ))}
          </>
        ) : null}
        <p className="px-3 pb-1 pt-2 text-xs font-semibold uppercase text-zinc-500">
          {version ? `Version ${version}` : "Whole dataset"}
        </p>
        {FORMATS.map((f) => (
          <a
            key={f.format}
            className={itemClass}
            download
            href={downloadUrl(datasetId, f.format, { version }, linkToken)}
          >
            {version ? `Version ${version}` : "All rows"} as {f.label}
          </a>
        ))}
        {/* CSV cells that look like formulas get a leading ' by default (CSV injection); this keeps them as stored. */}
        <a
          className={itemClass}
          download
          href={downloadUrl(datasetId, "csv", { version, raw: true }, linkToken)}
          title="Cells starting with =, +, -, @ are exported as they are; open only in a spreadsheet you trust with this data"
        >
          Raw CSV (formulas kept)
        </a>
      </div>
    </details>
  );
}
