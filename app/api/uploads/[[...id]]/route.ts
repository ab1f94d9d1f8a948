import { handleRoute } from "@/lib/api/route";
import { inErrorShape } from "@/lib/api/responses";
import { routeMethods } from "@/lib/api/route-methods";
import { uploadLinkProbe } from "@/lib/uploads/link-upload";
import { handleTusRequest } from "@/lib/uploads/tus-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The one tus endpoint for file and dataset uploads (resumable, chunked; never a server action).
 * API clients send `Authorization: Bearer <token>`; browsers use their session, so a write from a
 * foreign origin is refused and every chunk counts against the user's request budget (handleRoute).
 * A file request's visitors send its link in `Upload-Link` instead: every request, chunks included,
 * is then authorised by that link (checked anew each time, so an ended link stops uploads under way).
 */
function handle(request: Request): Promise<Response> {
  const probe = uploadLinkProbe(request);
  if (probe)
    return handleRoute(probe, "session-or-link", async ({ actor }) =>
      inErrorShape(await handleTusRequest(actor, request)),
    );
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
