import { abortMultipart, listParts } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { owner: string; namespace: string; datasetName: string; uploadId: string };

/** The parts received so far (to resume after a failure). */
const read = apiRoute<Params>(async ({ actor, params }) =>
  listParts(actor, params.owner, params.namespace, params.datasetName, params.uploadId),
);

/** The same as POST …/abort. */
const remove = apiRoute<Params>(async ({ actor, params }) => {
  await abortMultipart(actor, params.owner, params.namespace, params.datasetName, params.uploadId);
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, DELETE: remove });
