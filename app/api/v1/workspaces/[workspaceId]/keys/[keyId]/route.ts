import { revokeWorkspaceKey } from "@/lib/api/keys";
import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";

export const dynamic = "force-dynamic";

const remove = apiRoute<{ workspaceId: string; keyId: string }>(async ({ actor, params }) => ({
  revoked: await revokeWorkspaceKey(actor, params.workspaceId, params.keyId),
}));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ DELETE: remove });
