import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { getWorkspaceShare } from "@/lib/sharing/workspace-shares";

export const dynamic = "force-dynamic";

const write = apiRoute<{ workspaceId: string; shareId: string }>(async ({ actor, params }) => {
  await getWorkspaceShare(actor, params.workspaceId, params.shareId); // the share must belong to this workspace
  await revokeShare(actor, params.shareId);
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: write });
