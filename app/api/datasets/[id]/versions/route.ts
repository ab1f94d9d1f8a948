import { noStoreJson } from "@/lib/api/responses";
import { listVersions } from "@/lib/catalog/versions";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Every version of a dataset, newest first. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return withRequestActor(request, async (actor) => noStoreJson({ versions: await listVersions(actor, id) }));
}
