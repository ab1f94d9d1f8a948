import { listTrash } from "@/lib/files/list-trash";
import { noStoreJson } from "@/lib/api/responses";
import { withRequestActor } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A workspace's trash: GET /api/files/trash?workspaceId=… */
export async function GET(request: Request) {
  const workspaceId = new URL(request.url).searchParams.get("workspaceId") ?? "";
  return withRequestActor(request, async (actor) => noStoreJson({ entries: await listTrash(actor, workspaceId) }));
}
