import { handleRoute } from "@/lib/api/route";
import { inErrorShape } from "@/lib/api/responses";
import { routeMethods } from "@/lib/api/route-methods";
import { handleTusRequest } from "@/lib/uploads/tus-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The one tus endpoint for file and dataset uploads (resumable, chunked; never a server action).
 * API clients send `Authorization: Bearer <token>`; browsers use their session, so a write from a
 * foreign origin is refused and every chunk counts against the user's request budget (handleRoute).
 */
function handle(request: Request): Promise<Response> {
  return handleRoute(request, "token-or-session", async ({ actor }) =>
    inErrorShape(await handleTusRequest(actor, request)),
  );
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  HEAD: handle,
  POST: handle,
  PATCH: handle,
  DELETE: handle,
  OPTIONS: handle,
});
