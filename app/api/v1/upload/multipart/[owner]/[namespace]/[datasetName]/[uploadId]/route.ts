import { abortMultipart, listParts } from "@/lib/api/multipart";
import { apiRoute } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { owner: string; namespace: string; datasetName: string; uploadId: string };

/** The parts received so far (to resume after a failure). */
export const GET = apiRoute<Params>(async ({ actor, params }) =>
  listParts(actor, params.owner, params.namespace, params.datasetName, params.uploadId),
);

/** The same as POST …/abort. */
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await abortMultipart(actor, params.owner, params.namespace, params.datasetName, params.uploadId);
});
