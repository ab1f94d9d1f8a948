"use client";
import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, fetchJson, withLink } from "@/components/ui/fetch-json";
import { formatNumber } from "@/lib/util/format";
import { ResultsTable } from "./results-table";
import { SavedQueries } from "./saved-queries";
import type { ConsoleResult, SavedQueryItem } from "./types";

// CodeMirror is loaded only here, so other pages do not carry it.
const SqlEditor = dynamic(() => import("./sql-editor"), {
  ssr: false,
  loading: () => <div className="h-36 animate-pulse rounded-md border border-zinc-300 dark:border-zinc-700" />,
});

const PAGE_SIZE = 100;

type Props = {
  initialSql: string;
  /** the access link's token when the console is opened from a link page */
  linkToken?: string;
  /** the signed-in user's saved queries; absent through a link (a visitor has none) */
  saved?: SavedQueryItem[];
  /** example dataset names for the hint */
  examples: string[];
};

export function SqlConsole({ initialSql, linkToken, saved, examples }: Props) {
  const [sql, setSql] = useState(initialSql);
  const [result, setResult] = useState<ConsoleResult | null>(null);
  const [ranSql, setRanSql] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = useCallback(
    async (text: string, offset = 0) => {
      if (!text.trim()) return;
      setRunning(true);
      setError(null);
      try {
        const page = await fetchJson<ConsoleResult>(withLink("/api/sql/query", linkToken), {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ sql: text, limit: PAGE_SIZE, offset }),
        });
        setResult(page);
        setRanSql(text);
      } catch (e) {
        setResult(null);
        setError(
          e instanceof ApiError ? e.message : "The query could not be run. Check your connection and try again.",
        );
      } finally {
        setRunning(false);
      }
    },
    [linkToken],
  );

  const download = (format: "csv" | "parquet") =>
    withLink(`/api/sql/export?format=${format}&sql=${encodeURIComponent(ranSql)}`, linkToken);

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0 space-y-3">
        <SqlEditor value={sql} onChange={setSql} onRun={() => void run(sql)} />
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => void run(sql)} disabled={running || !sql.trim()}>
            {running ? "Running…" : "Run"}
          </Button>
          <span className="text-xs text-zinc-500">Ctrl/⌘ + Enter runs the query. One SELECT, read-only.</span>
        </div>
        {examples.length > 0 && (
          <p className="text-xs text-zinc-500">
            Name datasets as quoted paths, e.g. <code>SELECT * FROM &quot;{examples[0]}&quot;</code>; add{" "}
            <code>@2</code> for version 2.
          </p>
        )}
        {error && (
          <div
            role="alert"
            className="whitespace-pre-wrap rounded-md border border-red-300 bg-red-50 p-3 font-mono text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </div>
        )}
        {result && (
          <section aria-label="Result" className="space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <p aria-live="polite">
                {result.total === 0
                  ? "No rows."
                  : `Rows ${formatNumber(result.offset + 1)}–${formatNumber(result.offset + result.rows.length)} of ${result.truncated ? "more than " : ""}${formatNumber(result.total)}`}
                {result.truncated && (
                  <span className="text-zinc-500">
                    {" "}
                    (the console reads at most {formatNumber(result.total)} rows; add a LIMIT or aggregate)
                  </span>
                )}
              </p>
              <div className="flex items-center gap-2">
                <Button
                  variant="secondary"
                  disabled={running || result.offset === 0}
                  onClick={() => void run(ranSql, Math.max(0, result.offset - PAGE_SIZE))}
                >
                  Previous
                </Button>
                <Button
                  variant="secondary"
                  disabled={running || !result.nextCursor}
                  onClick={() => void run(ranSql, result.offset + PAGE_SIZE)}
                >
                  Next
                </Button>
                {result.downloadable ? (
                  <>
                    <a className="text-sm text-brand-700 underline dark:text-brand-500" href={download("csv")} download>
                      CSV
                    </a>
                    <a
                      className="text-sm text-brand-700 underline dark:text-brand-500"
                      href={download("parquet")}
                      download
                    >
                      Parquet
                    </a>
                  </>
                ) : (
                  <span className="text-xs text-zinc-500">View only: no download</span>
                )}
              </div>
            </div>
            <ResultsTable result={result} />
          </section>
        )}
      </div>
      {saved && (
        <SavedQueries
          saved={saved}
          sql={sql}
          onOpen={(text) => {
            setSql(text);
            void run(text);
          }}
        />
      )}
    </div>
  );
}
