import Link from "next/link";
import { SummarisePanel } from "@/components/aggregate/summarise-panel";
import { InsightsLink } from "@/components/insights/insights-link";
import { Card } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/access";
import { withDescriptions } from "@/lib/catalog/card/card-view";
import { getDatasetPage } from "@/lib/catalog/get-dataset";
import type { VersionView } from "@/lib/catalog/versions";
import type { DatasetRef } from "@/lib/catalog/load-dataset";
import { plural } from "@/lib/catalog/units";
import { formatBytes } from "@/lib/util/format";
import { TagList, VisibilityBadge } from "./badges";
import { DatasetCardSection } from "./card/dataset-card-section";
import { ColumnStatsPanel } from "./column-stats-panel";
import { DataGrid } from "./data-grid";
import { type SearchParams, firstProfile, firstRowsPage } from "./first-page";
import { DatasetMetadataForm } from "./dataset-metadata-form";
import { DeleteDatasetForm } from "./delete-dataset-form";
import { IngestPanel } from "./ingest-panel";
import { RelativeTime } from "./relative-time";
import { ShareDatasetButton } from "./share-dataset-button";
import { UseDatasetSection } from "./use-dataset-section";
import { VersionsList } from "./versions-list";

type DatasetDetailsProps = {
  actor: Actor;
  /** the dataset: by id, or by workspace and URL name */
  dataset: DatasetRef;
  /** this page's own URL (version links add ?version=n to it) */
  pagePath: string;
  /**
   * The page's search parameters: `?version=` (an earlier version to show; raw, checked here) and
   * the grid's view (sort, filters, page...), whose first page of rows is read while the page renders.
   */
  searchParams: SearchParams;
  /** access-link pages: every data request and link carries ?link=<token>, and nothing can be changed */
  linkToken?: string;
};

/** A version as the versions list shows it: everything but its schema, which stays on the server. */
function withoutColumns(version: VersionView): Omit<VersionView, "columns"> {
  const listed: Partial<VersionView> = { ...version };
  delete listed.columns;
  return listed as Omit<VersionView, "columns">;
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A dataset as the actor may see it: details, data grid, schema with statistics, versions, and
 * (for editors and managers, never through a link) editing, adding data and sharing. Throws the
 * service's 404 AppError when the actor cannot read it; callers turn it into notFound().
 */
export async function DatasetDetails({ actor, dataset: ref, pagePath, searchParams, linkToken }: DatasetDetailsProps) {
  const { dataset, versions, reads } = await getDatasetPage(actor, ref);
  const rawVersion = searchParams.version;
  const asked = Number(Array.isArray(rawVersion) ? rawVersion[0] : rawVersion);
  const earlier =
    Number.isInteger(asked) && asked !== dataset.version ? versions.find((v) => v.number === asked) : undefined;
  const unknownVersion = rawVersion !== undefined && !earlier && asked !== dataset.version;
  const shown = earlier ?? versions.find((v) => v.current)!;
  const canWrite = dataset.canWrite && !linkToken;
  const canManage = dataset.canManage && !linkToken;
  const viewVersion = earlier ? earlier.number : undefined;
  // The grid and the column statistics read the same version of the same dataset (and through the same link).
  const versionOnView = { datasetId: dataset.id, version: viewVersion, versionNumber: shown.number, linkToken };
  const canDownload = dataset.canDownload;
  const gridColumns = withDescriptions(shown.columns, dataset.card.columns);
  // What the grid and the statistics panel would ask for from the browser, read now (one request
  // instead of three); each is a best effort: on a failure the browser asks and shows the error.
  const [initialRows, initialProfile] = await Promise.all([
    firstRowsPage(reads, shown.number, gridColumns, searchParams),
    // A slice's profile is computed on each read, so it stays a request of its own.
    dataset.slice ? undefined : firstProfile(reads, shown.number),
  ]);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="break-words text-xl font-semibold tracking-tight">{dataset.name}</h1>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {dataset.workspace.owner}/{dataset.workspace.slug}/{dataset.slug} · version {dataset.version} ·{" "}
              {plural(dataset.rowCount, "row")} · {plural(dataset.columns.length, "column")} ·{" "}
              {formatBytes(dataset.sizeBytes)}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <VisibilityBadge visibility={dataset.visibility} />
            {canManage ? <ShareDatasetButton id={dataset.id} name={dataset.name} /> : null}
            {canManage ? <InsightsLink from={pagePath} subject="dataset" id={dataset.id} /> : null}
            {canWrite ? (
              <DatasetMetadataForm
                datasetId={dataset.id}
                initial={{
                  name: dataset.name,
                  slug: dataset.slug,
                  description: dataset.description,
                  tags: dataset.tags,
                }}
              />
            ) : null}
          </div>
        </div>
        {dataset.description ? <p className="max-w-3xl whitespace-pre-line text-sm">{dataset.description}</p> : null}
        <TagList tags={dataset.tags} />
        {dataset.slice ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="slice-notice">
            Shared with you as a slice: {dataset.slice}. Counts, statistics and downloads cover only these rows and
            columns.
          </p>
        ) : null}
        <p className="text-xs text-zinc-500">
          Updated <RelativeTime iso={dataset.updatedAt} />
          {dataset.updatedBy ? ` by ${dataset.updatedBy}` : ""} · created <RelativeTime iso={dataset.createdAt} />
          {dataset.createdBy ? ` by ${dataset.createdBy}` : ""}
        </p>
      </header>

      {unknownVersion ? (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
        >
          This dataset has no version {String(rawVersion)}; showing the current version.
        </p>
      ) : null}
      {earlier ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
        >
          <span>
            You are viewing version {earlier.number} of {dataset.version} ({plural(earlier.rowCount, "row")}, from{" "}
            {earlier.sourceName || "a restore"}).
          </span>
          <Link href={pagePath} className="font-medium underline">
            Back to the current version
          </Link>
        </div>
      ) : null}

      <Section title="Dataset card" id="dataset-card">
        <DatasetCardSection
          datasetId={dataset.id}
          card={dataset.card}
          columns={dataset.columns}
          canEdit={canWrite}
          linkToken={linkToken}
        />
      </Section>

      <Section title={earlier ? `Data of version ${earlier.number}` : "Data"} id="dataset-data">
        <DataGrid
          key={shown.number}
          columns={gridColumns}
          canDownload={canDownload}
          initialRows={initialRows}
          {...versionOnView}
        />
      </Section>

      <Section title="Schema and column statistics" id="dataset-schema">
        <ColumnStatsPanel initialProfile={initialProfile} {...versionOnView} />
      </Section>

      <Section title="Summarise" id="dataset-summarise">
        <SummarisePanel datasetId={dataset.id} columns={dataset.columns} minGroupSize={null} linkToken={linkToken} />
      </Section>

      <Section title="Versions" id="dataset-versions">
        <VersionsList
          datasetId={dataset.id}
          versions={versions.map(withoutColumns)}
          pagePath={pagePath}
          viewing={shown.number}
          canManage={canManage}
          canDownload={canDownload}
          linkToken={linkToken}
        />
      </Section>

      {canDownload ? (
        <Section title="Use this dataset" id="dataset-use">
          <UseDatasetSection dataset={dataset} versionNumber={shown.number} linkToken={linkToken} />
        </Section>
      ) : null}

      {canWrite && !earlier ? (
        <Section title="Add or replace data" id="dataset-ingest">
          <Card className="max-w-2xl">
            <IngestPanel
              workspaceId={dataset.workspace.id}
              datasetId={dataset.id}
              columns={dataset.columns.map((c) => c.name)}
            />
          </Card>
        </Section>
      ) : null}

      {canWrite ? (
        <Section title="Delete" id="dataset-delete">
          <Card className="max-w-2xl border-red-200 dark:border-red-900">
            <DeleteDatasetForm
              datasetId={dataset.id}
              slug={dataset.slug}
              name={dataset.name}
              catalogPath={`/w/${dataset.workspace.owner}/${dataset.workspace.slug}/catalog`}
            />
          </Card>
        </Section>
      ) : null}
    </div>
  );
}
