import { abortMultipart } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Discards the upload and its parts (200, empty body). */
const write = apiRoute<{ owner: string; namespace: string; datasetName: string; uploadId: string }>(
  async ({ actor, params }) => {
    await abortMultipart(actor, params.owner, params.namespace, params.datasetName, params.uploadId);
  },
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: write });
