import { queryFromSearchParams, versionFromSearchParams } from "@/lib/catalog/http/search-params";
import { noStoreJson } from "@/lib/api/responses";
import { queryDataset } from "@/lib/catalog/query";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One page of a dataset's rows: `?query=<JSON structured query>&version=<n>` (the data grid). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) => {
    const search = new URL(request.url).searchParams;
    return noStoreJson(await queryDataset(actor, id, queryFromSearchParams(search), versionFromSearchParams(search)));
  });
}
