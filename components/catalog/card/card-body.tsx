"use client";
import type { CardView } from "@/lib/catalog/card/card-view";
import { sourceUrl } from "@/lib/catalog/card/safe-url";
import type { Column } from "@/lib/catalog/types";
import { SchemaTable } from "../schema-table";
import { CopyButton } from "./copy-button";
import { Markdown } from "./markdown";

function LicenseLine({ license }: { license: CardView["license"] }) {
  if (license.kind === "none") return <span className="text-zinc-500">None stated</span>;
  if (license.kind === "other") return <span>{license.text}</span>;
  return (
    <a href={license.url} rel="noopener nofollow noreferrer" target="_blank" className="underline">
      {license.name} ({license.id})
    </a>
  );
}

function SourceLine({ source }: { source: string }) {
  if (!source) return <span className="text-zinc-500">Not stated</span>;
  const url = sourceUrl(source);
  return url ? (
    <a href={url} rel="noopener nofollow noreferrer" target="_blank" className="break-all underline">
      {source}
    </a>
  ) : (
    <span className="whitespace-pre-line">{source}</span>
  );
}

/** A dataset card read-only: README, license, source, citation and the data dictionary. */
export function CardBody({ card, columns }: { card: CardView; columns: Column[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        <div aria-label="README" role="region" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          {card.readme.trim() ? (
            <Markdown text={card.readme} />
          ) : (
            <p className="text-sm text-zinc-500">This dataset has no README yet.</p>
          )}
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Data dictionary</h3>
          <SchemaTable columns={columns} caption="Columns and their descriptions" descriptions={card.columns} />
        </div>
      </div>
      <dl className="space-y-4 text-sm">
        <div>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">License</dt>
          <dd data-testid="card-license">
            <LicenseLine license={card.license} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Source</dt>
          <dd data-testid="card-source">
            <SourceLine source={card.source} />
          </dd>
        </div>
        <div>
          <dt className="flex items-center justify-between gap-2 font-medium text-zinc-600 dark:text-zinc-400">
            <span>Citation{card.citation.text && card.citation.format === "bibtex" ? " (BibTeX)" : ""}</span>
            {card.citation.text ? <CopyButton text={card.citation.text} label="Copy citation" /> : null}
          </dt>
          <dd>
            {card.citation.text ? (
              <pre
                data-testid="card-citation"
                className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800"
              >
                {card.citation.text}
              </pre>
            ) : (
              <span className="text-zinc-500">Not stated</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
