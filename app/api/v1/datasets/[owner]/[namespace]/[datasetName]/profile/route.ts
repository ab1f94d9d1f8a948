import { apiRoute, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { getColumnStats } from "@/lib/catalog/column-stats";
import { profileQuerySchema } from "@/lib/catalog/profile/api";

type Params = { owner: string; namespace: string; datasetName: string };

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The column profile of a dataset version the caller can read (computed at ingest). */
const read = apiRoute<Params>(async ({ actor, request, params }) => {
  const { version } = readQuery(request, profileQuerySchema);
  const ref = { owner: params.owner, namespace: params.namespace, slug: params.datasetName };
  return getColumnStats(actor, ref, version);
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
