import { exportDataset } from "@/lib/catalog/export-dataset";
import { downloadResponse } from "@/lib/catalog/http/responses";
import { queryFromSearchParams, versionFromSearchParams } from "@/lib/catalog/http/search-params";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The dataset (or the filtered view in `?query=`) as `?format=csv|jsonl|parquet`, streamed; `?raw=true` keeps CSV formulas as stored. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) => {
    const search = new URL(request.url).searchParams;
    const file = await exportDataset(actor, id, {
      format: search.get("format") ?? "csv",
      query: queryFromSearchParams(search),
      version: versionFromSearchParams(search),
      raw: search.get("raw") ?? undefined,
    });
    return downloadResponse(file);
  });
}
