import { readData } from "@/lib/api/data";
import { apiRoute, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { rowsQuerySchema } from "@/lib/api/row-params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Rows of a dataset the caller can read: a JSON page, or every matching row streamed as CSV, JSON Lines or Parquet. */
const read = apiRoute<{ owner: string; namespace: string; datasetName: string }>(async ({ actor, request, params }) =>
  readData(actor, params.owner, params.namespace, params.datasetName, readQuery(request, rowsQuerySchema)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
