import { apiRoute } from "@/lib/api/route";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { getWorkspaceShare } from "@/lib/sharing/workspace-shares";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ workspaceId: string; shareId: string }>(async ({ actor, params }) => {
  await getWorkspaceShare(actor, params.workspaceId, params.shareId); // the share must belong to this workspace
  await revokeShare(actor, params.shareId);
});
