import { initiateBodySchema, initiateMultipart } from "@/lib/api/multipart";
import { apiRoute, noStoreJson, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Starts a multipart upload into a dataset the caller may write (its owner's name in the path). */
const write = apiRoute<{ owner: string; namespace: string; datasetName: string }>(async ({ actor, request, params }) =>
  noStoreJson(
    await initiateMultipart(
      actor,
      params.owner,
      params.namespace,
      params.datasetName,
      await readJson(request, initiateBodySchema),
    ),
    { status: 201 },
  ),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: write });
