import { apiRoute } from "@/lib/api/route";
import { listWorkspaceShares } from "@/lib/sharing/workspace-shares";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  listWorkspaceShares(actor, params.workspaceId, Object.fromEntries(new URL(request.url).searchParams)),
);
