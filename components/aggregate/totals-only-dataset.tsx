import type { ReactNode } from "react";
import { TagList } from "@/components/catalog/badges";
import type { Actor } from "@/lib/access";
import { loadAggregateDatasetView } from "@/lib/aggregate/aggregate-view";
import type { DatasetRef } from "@/lib/catalog/load-dataset";
import { plural } from "@/lib/catalog/units";
import { AppError } from "@/lib/util/errors";
import { formatNumber } from "@/lib/util/format";
import { SummarisePanel } from "./summarise-panel";

/**
 * For a dataset page whose loader answered "not found": the "Totals only" page (card, schema and
 * Summarise, never rows) when the actor holds that role on the dataset, else the same error again,
 * so everyone else gets exactly the answer they got before.
 */
export async function totalsOnlyOr(error: unknown, actor: Actor, ref: DatasetRef): Promise<ReactNode> {
  if (!(error instanceof AppError) || error.code !== "not_found") throw error;
  const view = await loadAggregateDatasetView(actor, ref).catch(() => null);
  if (!view) throw error;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="break-words text-xl font-semibold tracking-tight">{view.name}</h1>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {view.path} · version {view.version} ·{" "}
              {view.rowCount === null
                ? `fewer than ${formatNumber(view.minGroupSize)} rows`
                : plural(view.rowCount, "row")}{" "}
              · {plural(view.columns.length, "column")}
            </p>
          </div>
          <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            Totals only
          </span>
        </div>
        {view.description ? <p className="max-w-3xl whitespace-pre-line text-sm">{view.description}</p> : null}
        <TagList tags={view.tags} />
      </header>

      <section aria-labelledby="totals-schema" className="space-y-3">
        <h2 id="totals-schema" className="text-base font-semibold">
          Columns
        </h2>
        <table className="text-sm" data-testid="totals-schema">
          <thead>
            <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
              <th scope="col" className="px-2 py-1.5 font-medium">
                Column
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Type
              </th>
            </tr>
          </thead>
          <tbody>
            {view.columns.map((c) => (
              <tr key={c.name} className="border-b border-zinc-100 dark:border-zinc-800">
                <td className="px-2 py-1 font-mono text-xs">{c.name}</td>
                <td className="px-2 py-1 text-xs text-zinc-600 dark:text-zinc-400">{c.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="totals-summarise" className="space-y-3">
        <h2 id="totals-summarise" className="text-base font-semibold">
          Summarise
        </h2>
        <SummarisePanel datasetId={view.id} columns={view.columns} minGroupSize={view.minGroupSize} />
      </section>
    </div>
  );
}
