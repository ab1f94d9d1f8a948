import { noStoreJson } from "@/lib/api/responses";
import { withRequestActor } from "@/lib/api/route";
import { revisionNumberOf } from "@/lib/catalog/card/card-api";
import { getCardRevision } from "@/lib/catalog/card/card-revisions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; number: string }> };

/** One earlier state of the card, for the dataset page's history. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id, number } = await params;
  return withRequestActor(request, async (actor) =>
    noStoreJson({ revision: await getCardRevision(actor, { id }, revisionNumberOf(number)) }),
  );
}
