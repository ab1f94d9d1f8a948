import { getColumnStats } from "@/lib/catalog/column-stats";
import { noStoreJson } from "@/lib/api/responses";
import { versionFromSearchParams } from "@/lib/catalog/http/search-params";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Column statistics (DuckDB SUMMARIZE) of a dataset version. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) =>
    noStoreJson(await getColumnStats(actor, id, versionFromSearchParams(new URL(request.url).searchParams))),
  );
}
