import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/access";
import { type CatalogParams, DEFAULT_DIR, type DatasetCard, listDatasets } from "@/lib/catalog/list-datasets";
import { plural } from "@/lib/catalog/units";
import { formatBytes, formatNumber } from "@/lib/util/format";
import { Badge, TagList, VisibilityBadge } from "./badges";
import { FilterSelect } from "./filter-select";
import { RelativeTime } from "./relative-time";
import { ShareDatasetButton } from "./share-dataset-button";

type CatalogWorkspace = { id: string; ownerId: string; slug: string; owner: string };

type CatalogListProps = {
  actor: Actor;
  workspace: CatalogWorkspace;
  /** where dataset pages live: `${basePath}/${slug}` (e.g. /w/alice/sales/catalog) */
  basePath: string;
  /** the page's search parameters (q, tag, visibility, sort, dir, page) */
  searchParams: Record<string, string | string[] | undefined>;
  /** managers get a Share button on each card */
  canManage?: boolean;
  /** shown when the workspace has no datasets at all (e.g. a "New dataset" button) */
  emptyAction?: React.ReactNode;
  /** on access-link pages: no Share buttons (the caller's basePath already carries the link) */
  linkToken?: string;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function pageHref(basePath: string, params: CatalogParams, page: number): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.tag) search.set("tag", params.tag);
  if (params.visibility) search.set("visibility", params.visibility);
  if (params.sort !== "updated") search.set("sort", params.sort);
  if (params.dir) search.set("dir", params.dir);
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

const datasetHref = (basePath: string, slug: string) => `${basePath}/${encodeURIComponent(slug)}`;

/**
 * A workspace's catalog as the actor may see it: the search/filter form (a plain GET form, so it
 * works without JavaScript and every state has a URL), dataset cards and pagination. Listing
 * and counting go through listDatasets → readableDatasetsWhere, so grantees see only what was
 * shared with them.
 */
export async function CatalogList({
  actor,
  workspace,
  basePath,
  searchParams,
  canManage = false,
  emptyAction,
  linkToken,
}: CatalogListProps) {
  const input = Object.fromEntries(
    ["q", "tag", "visibility", "sort", "dir", "page"].map((k) => [k, first(searchParams[k])]),
  );
  const page = await listDatasets(actor, workspace, input);
  const { params } = page;
  const filtered = Boolean(params.q || params.tag || params.visibility);

  return (
    <div className="space-y-4">
      <form
        method="get"
        action={basePath}
        role="search"
        aria-label="Search datasets"
        className="grid gap-2 sm:grid-cols-[1fr_auto_auto_auto_auto_auto]"
      >
        <label className="sr-only" htmlFor="catalog-q">
          Search
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder="Search names, descriptions, tags, columns"
          className="w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <FilterSelect id="catalog-tag" name="tag" label="Tag" defaultValue={params.tag ?? ""}>
          <option value="">All tags</option>
          {page.tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({formatNumber(t.count)})
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="catalog-visibility"
          name="visibility"
          label="Visibility"
          defaultValue={params.visibility ?? ""}
        >
          <option value="">Any visibility</option>
          <option value="private">Private</option>
          <option value="listed">Listed</option>
          <option value="public">Public</option>
        </FilterSelect>
        <FilterSelect id="catalog-sort" name="sort" label="Sort by" defaultValue={params.sort}>
          <option value="updated">Recently updated</option>
          <option value="name">Name</option>
          <option value="size">Size</option>
        </FilterSelect>
        <FilterSelect
          id="catalog-dir"
          name="dir"
          label="Sort direction"
          defaultValue={params.dir ?? DEFAULT_DIR[params.sort]}
        >
          <option value="asc">Ascending ↑</option>
          <option value="desc">Descending ↓</option>
        </FilterSelect>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>

      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {plural(page.total, "dataset")}
        {filtered ? " match" : ""}
        {filtered ? (
          <>
            {" "}
            ·{" "}
            <Link
              className="underline"
              href={pageHref(basePath, { ...params, q: "", tag: undefined, visibility: undefined }, 1)}
            >
              Clear filters
            </Link>
          </>
        ) : null}
      </p>

      {page.items.length === 0 && page.total > 0 ? (
        <EmptyState
          title="This page is empty"
          action={
            <Link className={buttonClass("secondary")} href={pageHref(basePath, params, 1)}>
              Go to the first page
            </Link>
          }
        />
      ) : page.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No datasets match">Try other words, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No datasets yet" action={emptyAction}>
            Datasets uploaded to this workspace, and datasets shared with you here, appear in this catalog.
          </EmptyState>
        )
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Datasets">
          {page.items.map((d) => (
            <DatasetCardItem
              key={d.id}
              dataset={d}
              href={datasetHref(basePath, d.slug)}
              canManage={canManage && !linkToken}
            />
          ))}
        </ul>
      )}

      {page.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
          {params.page > 1 ? (
            <Link className={buttonClass("secondary")} href={pageHref(basePath, params, params.page - 1)}>
              Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-zinc-600 dark:text-zinc-400">
            Page {formatNumber(params.page)} of {formatNumber(page.pageCount)}
          </span>
          {params.page < page.pageCount ? (
            <Link className={buttonClass("secondary")} href={pageHref(basePath, params, params.page + 1)}>
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

function DatasetCardItem({ dataset, href, canManage }: { dataset: DatasetCard; href: string; canManage: boolean }) {
  return (
    <li
      className="flex min-w-0 flex-col rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      aria-label={dataset.name}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 text-base font-semibold">
          <Link href={href} className="break-words hover:underline">
            {dataset.name}
          </Link>
        </h2>
        <div className="flex shrink-0 gap-1">
          <VisibilityBadge visibility={dataset.visibility} />
          {dataset.shares > 0 ? (
            <Badge tone="brand" title={`Shared with ${plural(dataset.shares, "grantee")}`}>
              Shared · {formatNumber(dataset.shares)}
            </Badge>
          ) : null}
        </div>
      </div>
      {dataset.description ? (
        <p className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{dataset.description}</p>
      ) : null}
      <TagList tags={dataset.tags} className="mt-2" />
      <dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-3 text-xs text-zinc-600 dark:text-zinc-400">
        {dataset.rowCount !== null ? (
          <div>
            <dt className="sr-only">Rows</dt>
            <dd>{plural(dataset.rowCount, "row")}</dd>
          </div>
        ) : null}
        {dataset.sizeBytes !== null ? (
          <div>
            <dt className="sr-only">Size</dt>
            <dd>{formatBytes(dataset.sizeBytes)}</dd>
          </div>
        ) : null}
        <div>
          <dt className="sr-only">Updated</dt>
          <dd>
            Updated <RelativeTime iso={dataset.updatedAt} />
          </dd>
        </div>
      </dl>
      {canManage ? (
        <div className="mt-3 flex justify-end">
          <ShareDatasetButton id={dataset.id} name={dataset.name} variant="ghost" className="px-2 py-1 text-xs" />
        </div>
      ) : null}
    </li>
  );
}
