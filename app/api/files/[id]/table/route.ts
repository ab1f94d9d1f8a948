import { previewTable } from "@/lib/files/preview-table";
import { noStoreJson } from "@/lib/api/responses";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The first rows of a CSV or Parquet file, for the preview panel. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestActor(request, async (actor) => noStoreJson(await previewTable(actor, id)));
}
