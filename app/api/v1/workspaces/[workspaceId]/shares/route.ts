import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { listWorkspaceShares } from "@/lib/sharing/workspace-shares";

export const dynamic = "force-dynamic";

const read = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  listWorkspaceShares(actor, params.workspaceId, Object.fromEntries(new URL(request.url).searchParams)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
