import { noStoreJson } from "@/lib/api/responses";
import { queryFromSearchParams, versionFromSearchParams } from "@/lib/catalog/http/search-params";
import { datasetGetRoute } from "@/lib/catalog/http/dataset-get-route";
import { queryDataset } from "@/lib/catalog/query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of a dataset's rows: `?query=<JSON structured query>&version=<n>` (the data grid). */
export const GET = datasetGetRoute(async (actor, id, search) =>
  noStoreJson(await queryDataset(actor, id, queryFromSearchParams(search), versionFromSearchParams(search))),
);
