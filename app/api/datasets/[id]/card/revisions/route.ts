import { noStoreJson } from "@/lib/api/responses";
import { withRequestActor } from "@/lib/api/route";
import { listCardRevisions } from "@/lib/catalog/card/card-revisions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The card's history for the dataset page (signed-in users and access-link visitors who can read it). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) => noStoreJson({ revisions: await listCardRevisions(actor, { id }) }));
}
