import { initiateBodySchema, initiateMultipart } from "@/lib/api/multipart";
import { apiRoute, readJson } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Starts a multipart upload into a dataset the caller may write (its owner's name in the path). */
export const POST = apiRoute<{ owner: string; namespace: string; datasetName: string }>(
  async ({ actor, request, params }) =>
    Response.json(
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
