import { ingestBodySchema, ingestRecords } from "@/lib/api/ingest-records";
import { apiRoute, noStoreJson, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** JSON records into the caller's own namespace: 201 when the dataset was created, 200 when appended. */
const write = apiRoute<{ namespace: string; datasetName: string }>(async ({ actor, request, params }) => {
  const result = await ingestRecords(
    actor,
    params.namespace,
    params.datasetName,
    await readJson(request, ingestBodySchema),
  );
  return noStoreJson(result, { status: result.created ? 201 : 200 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: write });
