import { listDataQuerySchema, listNamespaceData } from "@/lib/api/data";
import { apiRoute, readQuery } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The datasets in a namespace the caller can read (a grantee sees the ones shared with them). */
export const GET = apiRoute<{ owner: string; namespace: string }>(async ({ actor, request, params }) =>
  listNamespaceData(actor, params.owner, params.namespace, readQuery(request, listDataQuerySchema)),
);
