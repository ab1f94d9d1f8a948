import { datasetSnippets, linkParquetUrls, restParquetUrls } from "@/lib/catalog/snippets";
import { appUrl } from "@/lib/email/config";
import { UseDatasetPanel } from "./use-dataset-panel";

/**
 * The "Use this dataset" section's content for one version: URLs and snippets built on the server
 * from the app's public address (APP_URL), through the link when the page is seen through one.
 */
export function UseDatasetSection({
  dataset,
  versionNumber,
  linkToken,
}: {
  dataset: { id: string; slug: string; workspace: { owner: string; slug: string } };
  versionNumber: number;
  linkToken?: string;
}) {
  const base = appUrl();
  const urls = linkToken
    ? linkParquetUrls(base, dataset.id, versionNumber, linkToken)
    : restParquetUrls(
        base,
        { owner: dataset.workspace.owner, namespace: dataset.workspace.slug, slug: dataset.slug },
        versionNumber,
      );
  const auth = linkToken ? "link" : "token";
  const snippets = datasetSnippets({ url: urls.version, file: `${dataset.slug}-v${versionNumber}.parquet`, auth });
  return <UseDatasetPanel urls={urls} snippets={snippets} auth={auth} versionNumber={versionNumber} />;
}
