import { handleRoute, readQuery } from "@/lib/api/route";
import { resourceQuery } from "@/lib/sharing/read-queries";
import { getResourceAccess } from "@/lib/sharing/resource-access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The share dialog's "Who has access": GET /api/sharing/access?type=…&id=… (managers only). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { type, id } = readQuery(request, resourceQuery);
    return getResourceAccess(actor, type, id);
  });
}
