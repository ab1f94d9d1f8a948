import { exportDataset } from "@/lib/catalog/export-dataset";
import { datasetGetRoute } from "@/lib/catalog/http/dataset-get-route";
import { downloadResponse } from "@/lib/catalog/http/responses";
import { queryFromSearchParams, versionFromSearchParams } from "@/lib/catalog/http/search-params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The dataset (or the filtered view in `?query=`) as `?format=csv|jsonl|parquet`, streamed; `?raw=true` keeps CSV formulas as stored. */
export const GET = datasetGetRoute(async (actor, id, search) => {
  const file = await exportDataset(actor, id, {
    format: search.get("format") ?? "csv",
    query: queryFromSearchParams(search),
    version: versionFromSearchParams(search),
    raw: search.get("raw") ?? undefined,
  });
  return downloadResponse(file);
});
