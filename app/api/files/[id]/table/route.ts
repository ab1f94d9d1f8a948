import { previewTable } from "@/lib/files/preview-table";
import { asUser, noStoreJson } from "@/lib/files/route-helpers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The first rows of a CSV or Parquet file, for the preview panel. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return asUser(async (actor) => noStoreJson(await previewTable(actor, id)));
}
