import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { refOfPath } from "@/lib/catalog/card/card-api";
import { cardUpdateSchema } from "@/lib/catalog/card/card-schema";
import { getDatasetCard } from "@/lib/catalog/card/get-card";
import { updateDatasetCard } from "@/lib/catalog/card/update-card";

type Params = { owner: string; namespace: string; datasetName: string };

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The dataset's card: README, license, citation, source and column descriptions. */
const read = apiRoute<Params>(async ({ actor, params }) => ({ card: await getDatasetCard(actor, refOfPath(params)) }));

/** Changes the fields given (editors); each change is kept as a revision. */
const update = apiRoute<Params>(async ({ actor, request, params }) => ({
  card: await updateDatasetCard(actor, refOfPath(params), await readJson(request, cardUpdateSchema)),
}));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, PATCH: update });
