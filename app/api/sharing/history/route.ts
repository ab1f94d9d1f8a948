import { handleRoute, readQuery } from "@/lib/api/route";
import { resourceQuery } from "@/lib/sharing/read-queries";
import { listResourceHistory } from "@/lib/sharing/resource-history";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A resource's sharing history: GET /api/sharing/history?type=…&id=… (managers only). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { type, id } = readQuery(request, resourceQuery);
    return listResourceHistory(actor, type, id);
  });
}
