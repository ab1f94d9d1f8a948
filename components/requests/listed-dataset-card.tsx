import { Card } from "@/components/ui/empty-state";
import type { DatasetCard } from "@/lib/requests/dataset-card";
import { formatNumber } from "@/lib/util/format";
import { RequestAccessForm } from "./request-access-form";
import { RequestStatus } from "./request-status";

/**
 * What a signed-in user who cannot read a Listed dataset sees at its address: the card (name,
 * description, schema, owner workspace, row count; no rows, statistics or downloads) and Request access.
 */
export function ListedDatasetCard({ card }: { card: DatasetCard }) {
  const pending = card.request?.status === "pending";
  return (
    <div className="space-y-6" data-testid="listed-card">
      <div>
        <p className="text-sm text-zinc-500">
          {card.workspace.owner}/{card.workspace.slug} · {card.workspace.name}
        </p>
        <h1 className="text-xl font-semibold tracking-tight">{card.name}</h1>
        {card.description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{card.description}</p> : null}
        <p className="mt-2 text-sm text-zinc-500">
          Listed dataset · {formatNumber(card.rowCount)} rows · {formatNumber(card.columns.length)} columns
          {card.tags.length > 0 ? ` · ${card.tags.join(", ")}` : ""}
        </p>
      </div>
      <Card>
        <h2 className="mb-3 text-sm font-semibold">Schema</h2>
        {card.columns.length === 0 ? (
          <p className="text-sm text-zinc-500">No columns yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-zinc-500">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Column
                </th>
                <th scope="col" className="py-1 font-medium">
                  Type
                </th>
              </tr>
            </thead>
            <tbody>
              {card.columns.map((c) => (
                <tr key={c.name} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-4 font-mono">{c.name}</td>
                  <td className="py-1 font-mono text-zinc-500">{c.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card>
        <h2 className="mb-1 text-sm font-semibold">Request access</h2>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          The rows are shared on request. The managers of {card.workspace.name} decide and you get an e-mail either way.
        </p>
        {card.request ? (
          <div className="mb-4">
            <RequestStatus request={card.request} />
          </div>
        ) : null}
        {pending ? null : (
          <RequestAccessForm
            target={{ source: "discover", datasetId: card.id }}
            questions={card.questions}
            terms={card.terms}
          />
        )}
      </Card>
    </div>
  );
}
