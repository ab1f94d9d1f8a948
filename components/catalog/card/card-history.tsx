"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson, withLink } from "@/components/ui/fetch-json";
import type { CardRevisionSummary, CardRevisionView } from "@/lib/catalog/card/card-revisions";
import type { Column } from "@/lib/catalog/types";
import { formatDateTime } from "@/lib/util/format";
import { CardBody } from "./card-body";

const FIELD_LABELS: Record<string, string> = {
  readme: "README",
  license: "license",
  citation: "citation",
  source: "source",
  columns: "column descriptions",
};

const revisionsUrl = (datasetId: string, linkToken?: string, number?: number) =>
  withLink(`/api/datasets/${encodeURIComponent(datasetId)}/card/revisions${number ? `/${number}` : ""}`, linkToken);

function describe(r: CardRevisionSummary): string {
  const fields = r.changed.map((f) => FIELD_LABELS[f] ?? f).join(", ");
  return `${formatDateTime(r.createdAt)}${r.createdBy ? ` by ${r.createdBy}` : ""} · ${fields || "no change"} · data version ${r.dataVersion}`;
}

/** An earlier card, read-only, with a way back to the current one. */
function EarlierCard({
  datasetId,
  number,
  columns,
  linkToken,
  onClose,
}: {
  datasetId: string;
  number: number;
  columns: Column[];
  linkToken?: string;
  onClose: () => void;
}) {
  const { data, error } = useQuery({
    queryKey: ["card-revision", datasetId, number, linkToken],
    queryFn: () => fetchJson<{ revision: CardRevisionView }>(revisionsUrl(datasetId, linkToken, number)),
  });
  return (
    <div className="space-y-3">
      <div
        role="status"
        className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
      >
        <span>
          You are viewing revision {number} of the card{data ? ` (${describe(data.revision)})` : ""}.
        </span>
        <button type="button" onClick={onClose} className="font-medium underline">
          Back to the current card
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      ) : data ? (
        <CardBody card={data.revision.card} columns={columns} />
      ) : (
        <p className="text-sm text-zinc-500">Loading…</p>
      )}
    </div>
  );
}

/** The card's revisions (who, when, what changed, on which data version); choosing one shows that card. */
export function CardHistory({
  datasetId,
  revision,
  columns,
  linkToken,
  viewing,
  onView,
}: {
  datasetId: string;
  revision: number;
  columns: Column[];
  linkToken?: string;
  viewing?: number;
  onView: (number: number | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  const { data, error, isPending } = useQuery({
    queryKey: ["card-revisions", datasetId, revision, linkToken],
    queryFn: () => fetchJson<{ revisions: CardRevisionSummary[] }>(revisionsUrl(datasetId, linkToken)),
    enabled: open,
  });
  if (viewing)
    return (
      <EarlierCard
        datasetId={datasetId}
        number={viewing}
        columns={columns}
        linkToken={linkToken}
        onClose={() => onView(undefined)}
      />
    );
  if (revision === 0) return null;
  return (
    <div className="space-y-2">
      <Button variant="ghost" className="px-2 py-1 text-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide card history" : `Card history (${revision} revision${revision === 1 ? "" : "s"})`}
      </Button>
      {open ? (
        error ? (
          <p role="alert" className="text-sm text-red-600">
            {error.message}
          </p>
        ) : isPending ? (
          <p className="text-sm text-zinc-500">Loading…</p>
        ) : (
          <ol aria-label="Card revisions" className="space-y-1 text-sm">
            {data.revisions.map((r) => (
              <li key={r.number} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">Revision {r.number}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{describe(r)}</span>
                {r.number === revision ? (
                  <span className="text-xs text-zinc-500">(current)</span>
                ) : (
                  <button type="button" className="text-xs underline" onClick={() => onView(r.number)}>
                    View revision {r.number}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </div>
  );
}
