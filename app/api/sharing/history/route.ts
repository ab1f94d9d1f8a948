import { handleRoute, readQuery } from "@/lib/api/route";
import { listResourceActivity } from "@/lib/audit/list-resource-history";
import { resourceQuery } from "@/lib/sharing/read-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A resource's history as sentences: GET /api/sharing/history?type=…&id=… (managers only). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { type, id } = readQuery(request, resourceQuery);
    return listResourceActivity(actor, type, id);
  });
}
