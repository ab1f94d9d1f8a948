import { apiRoute, readQuery } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { insightsQuerySchema, workspaceInsights } from "@/lib/insights/api";

export const dynamic = "force-dynamic";

/** Who viewed and downloaded a resource or came through an access key, over the last 30 days (managers). */
const read = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  workspaceInsights(actor, params.workspaceId, readQuery(request, insightsQuerySchema)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
