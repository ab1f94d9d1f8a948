import { handleRoute, readQuery } from "@/lib/api/route";
import { getResourcePolicy } from "@/lib/policies/resource-policy";
import { resourceQuery } from "@/lib/sharing/read-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The sharing policy over a resource: GET /api/policies?type=…&id=… (its managers; the share dialog's hints). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { type, id } = readQuery(request, resourceQuery);
    return getResourcePolicy(actor, type, id);
  });
}
