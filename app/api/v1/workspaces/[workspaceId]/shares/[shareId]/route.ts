import { apiRoute } from "@/lib/api/route";
import { getWorkspaceShare } from "@/lib/sharing/workspace-shares";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ workspaceId: string; shareId: string }>(async ({ actor, params }) =>
  getWorkspaceShare(actor, params.workspaceId, params.shareId),
);
