import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { refOfPath } from "@/lib/catalog/card/card-api";
import { listCardRevisions } from "@/lib/catalog/card/card-revisions";

type Params = { owner: string; namespace: string; datasetName: string };

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The card's history, newest first. */
const list = apiRoute<Params>(async ({ actor, params }) => ({
  revisions: await listCardRevisions(actor, refOfPath(params)),
}));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list });
