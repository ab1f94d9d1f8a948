import { openAsDataset } from "@/lib/files/open-as-dataset";
import { noStoreJson } from "@/lib/api/responses";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Starts a catalog dataset from a CSV/Parquet file; answers the ingest review page's URL. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestActor(request, async (actor) => noStoreJson(await openAsDataset(actor, id)));
}
