import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { refOfPath, revisionNumberOf } from "@/lib/catalog/card/card-api";
import { getCardRevision } from "@/lib/catalog/card/card-revisions";

type Params = { owner: string; namespace: string; datasetName: string; number: string };

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One earlier state of the card. */
const read = apiRoute<Params>(async ({ actor, params }) => ({
  revision: await getCardRevision(actor, refOfPath(params), revisionNumberOf(params.number)),
}));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
