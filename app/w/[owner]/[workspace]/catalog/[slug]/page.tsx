import { totalsOnlyOr } from "@/components/aggregate/totals-only-dataset";
import { DatasetDetails } from "@/components/catalog/dataset-view";
import { listedCardOr } from "@/components/requests/listed-dataset-fallback";
import { allowPageCache } from "@/lib/page-cache/render-context";
import { loadWorkspaceView, orNotFound } from "../../load-workspace";

type Props = {
  params: Promise<{ owner: string; workspace: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  return { title: decodeURIComponent(slug) };
}

export default async function DatasetPage({ params, searchParams }: Props) {
  // The database and the dataset version's Parquet, which only a database write replaces (scripts/page-cache.mjs).
  allowPageCache();
  const [{ user, workspace }, { slug }, search] = await Promise.all([loadWorkspaceView(params), params, searchParams]);
  const name = decodeURIComponent(slug);
  const pagePath = `/w/${workspace.owner}/${workspace.slug}/catalog/${encodeURIComponent(name)}`;
  return orNotFound(
    DatasetDetails({ actor: user, dataset: { workspaceId: workspace.id, slug: name }, pagePath, searchParams: search })
      .catch((error: unknown) => totalsOnlyOr(error, user, { workspaceId: workspace.id, slug: name }))
      .catch((error: unknown) => listedCardOr(error, user, { workspaceId: workspace.id, slug: name })),
  );
}
