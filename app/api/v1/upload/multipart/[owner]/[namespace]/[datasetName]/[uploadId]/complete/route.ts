import { completeMultipart } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Joins the parts and writes them as the dataset's next version. */
const write = apiRoute<{ owner: string; namespace: string; datasetName: string; uploadId: string }>(
  async ({ actor, params }) =>
    completeMultipart(actor, params.owner, params.namespace, params.datasetName, params.uploadId),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: write });
