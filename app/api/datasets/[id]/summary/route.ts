import { readJson, withRequestActor } from "@/lib/api/route";
import { noStoreJson } from "@/lib/api/responses";
import { runSummary } from "@/lib/aggregate/run-summary";
import { summaryRequestSchema } from "@/lib/aggregate/summary-schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The Summarise panel's grouped totals (a POST: the request is structure, not a URL-sized query). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) =>
    noStoreJson(await runSummary(actor, { id }, await readJson(request, summaryRequestSchema))),
  );
}
