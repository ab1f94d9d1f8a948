import { listFolder } from "@/lib/files/list-folder";
import { noStoreJson } from "@/lib/api/responses";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of a folder's contents: ?sort=name|size|type|modified&dir=asc|desc&offset=&limit=&kind=folder */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return withRequestActor(request, async (actor) => noStoreJson(await listFolder(actor, id, query)));
}
