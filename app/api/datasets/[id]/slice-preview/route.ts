import { noStoreJson } from "@/lib/api/responses";
import { datasetGetRoute } from "@/lib/catalog/http/dataset-get-route";
import { parseSliceParam } from "@/lib/scopes/slice-param";
import { previewSlice } from "@/lib/scopes/preview-slice";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The share dialog's live preview of a slice: `?scope=<JSON { rows, columns }>` (managers only). */
export const GET = datasetGetRoute(async (actor, id, search) =>
  noStoreJson(await previewSlice(actor, id, parseSliceParam(search.get("scope")))),
);
