import { partNumberSchema, uploadPart } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { owner: string; namespace: string; datasetName: string; uploadId: string; partNumber: string };

/** One part's bytes as the raw request body (POST or PUT); the same number again replaces the part. */
const upload = apiRoute<Params>(async ({ actor, request, params }) =>
  uploadPart(
    actor,
    params.owner,
    params.namespace,
    params.datasetName,
    params.uploadId,
    partNumberSchema.parse(params.partNumber),
    request.body,
  ),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: upload, PUT: upload });
