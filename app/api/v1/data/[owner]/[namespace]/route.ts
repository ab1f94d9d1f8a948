import { listDataQuerySchema, listNamespaceData } from "@/lib/api/data";
import { apiRoute, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The datasets in a namespace the caller can read (a grantee sees the ones shared with them). */
const read = apiRoute<{ owner: string; namespace: string }>(async ({ actor, request, params }) =>
  listNamespaceData(actor, params.owner, params.namespace, readQuery(request, listDataQuerySchema)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
