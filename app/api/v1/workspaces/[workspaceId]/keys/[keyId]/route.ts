import { revokeWorkspaceKey } from "@/lib/api/keys";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ workspaceId: string; keyId: string }>(async ({ actor, params }) => ({
  revoked: await revokeWorkspaceKey(actor, params.workspaceId, params.keyId),
}));
