import { abortMultipart } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Discards the upload and its parts (200, empty body). */
export const POST = apiRoute<{ owner: string; namespace: string; datasetName: string; uploadId: string }>(
  async ({ actor, params }) => {
    await abortMultipart(actor, params.owner, params.namespace, params.datasetName, params.uploadId);
  },
);
