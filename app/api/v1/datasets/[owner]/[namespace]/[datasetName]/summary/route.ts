import { apiRoute, readJson } from "@/lib/api/route";
import { runSummary } from "@/lib/aggregate/run-summary";
import { summaryRequestSchema } from "@/lib/aggregate/summary-schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { owner: string; namespace: string; datasetName: string };

/** Grouped totals of a dataset: for "Totals only" grantees, every group holds at least their minimum group size. */
export const POST = apiRoute<Params>(async ({ actor, request, params }) =>
  runSummary(
    actor,
    { owner: params.owner, namespace: params.namespace, slug: params.datasetName },
    await readJson(request, summaryRequestSchema),
  ),
);
