import { apiRoute } from "@/lib/api/route";
import { revokeAccessLink } from "@/lib/links/manage-links";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ workspaceId: string; keyId: string }>(async ({ actor, params }) => {
  await revokeAccessLink(actor, params.keyId);
  return { revoked: 1 };
});
