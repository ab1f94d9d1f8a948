import { completeMultipart } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Joins the parts and writes them as the dataset's next version. */
export const POST = apiRoute<{ owner: string; namespace: string; datasetName: string; uploadId: string }>(
  async ({ actor, params }) =>
    completeMultipart(actor, params.owner, params.namespace, params.datasetName, params.uploadId),
);
