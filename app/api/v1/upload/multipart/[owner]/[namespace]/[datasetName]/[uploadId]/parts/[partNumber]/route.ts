import { partNumberSchema, uploadPart } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { takeNodeBody } from "@/lib/uploads/node-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { owner: string; namespace: string; datasetName: string; uploadId: string; partNumber: string };

/**
 * One part's bytes as the raw request body (POST or PUT); the same number again replaces the part.
 * Behind the app's server the body is read from the socket's stream (takeNodeBody), else from Next's.
 */
const upload = apiRoute<Params>(async ({ actor, request, params }) =>
  uploadPart(
    actor,
    params.owner,
    params.namespace,
    params.datasetName,
    params.uploadId,
    partNumberSchema.parse(params.partNumber),
    takeNodeBody(request) ?? request.body,
  ),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: upload, PUT: upload });
