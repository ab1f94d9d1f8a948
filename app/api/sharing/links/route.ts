import { handleRoute, readQuery } from "@/lib/api/route";
import { listAccessLinkViews } from "@/lib/sharing/access-link-views";
import { resourceQuery } from "@/lib/sharing/read-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A resource's access links: GET /api/sharing/links?type=…&id=… (managers only). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { type, id } = readQuery(request, resourceQuery);
    return listAccessLinkViews(actor, type, id);
  });
}
