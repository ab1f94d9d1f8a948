import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { revokeFileRequest } from "@/lib/file-requests/revoke-file-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Revokes a file request: uploads through it stop at their next request. */
const remove = apiRoute<{ requestId: string }>(async ({ actor, params }) => {
  await revokeFileRequest(actor, params.requestId);
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ DELETE: remove });
