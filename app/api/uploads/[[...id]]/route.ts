import { handleRoute } from "@/lib/api/route";
import { handleTusRequest } from "@/lib/uploads/tus-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The one tus endpoint for file and dataset uploads (resumable, chunked; never a server action).
 * API clients send `Authorization: Bearer <token>`; browsers use their session, so a write from a
 * foreign origin is refused and every chunk counts against the user's request budget (handleRoute).
 */
function handle(request: Request): Promise<Response> {
  return handleRoute(request, "token-or-session", ({ actor }) => handleTusRequest(actor, request));
}

export { handle as POST, handle as PATCH, handle as HEAD, handle as DELETE, handle as OPTIONS };
