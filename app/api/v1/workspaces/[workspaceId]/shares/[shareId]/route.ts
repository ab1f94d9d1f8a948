import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { getWorkspaceShare } from "@/lib/sharing/workspace-shares";

export const dynamic = "force-dynamic";

const read = apiRoute<{ workspaceId: string; shareId: string }>(async ({ actor, params }) =>
  getWorkspaceShare(actor, params.workspaceId, params.shareId),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
