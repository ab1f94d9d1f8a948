import { ingestBodySchema, ingestRecords } from "@/lib/api/ingest-records";
import { apiRoute, readJson } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** JSON records into the caller's own namespace: 201 when the dataset was created, 200 when appended. */
export const POST = apiRoute<{ namespace: string; datasetName: string }>(async ({ actor, request, params }) => {
  const result = await ingestRecords(
    actor,
    params.namespace,
    params.datasetName,
    await readJson(request, ingestBodySchema),
  );
  return Response.json(result, { status: result.created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
});
