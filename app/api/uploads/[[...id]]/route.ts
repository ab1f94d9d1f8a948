import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/api/authenticate";
import { errorResponse } from "@/lib/api/route";
import { getSessionUser } from "@/lib/auth/session";
import { handleTusRequest } from "@/lib/uploads/tus-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The one tus endpoint for file and dataset uploads (resumable, chunked; never a server action).
 * API clients send `Authorization: Bearer <token>` (checked like every /api/v1 request);
 * browsers use their session.
 */
async function handle(request: Request): Promise<Response> {
  if (request.headers.has("authorization")) {
    try {
      return await handleTusRequest(await authenticateRequest(request), request);
    } catch (error) {
      return errorResponse(error);
    }
  }
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in to upload." }, { status: 401 });
  return handleTusRequest(user, request);
}

export { handle as POST, handle as PATCH, handle as HEAD, handle as DELETE, handle as OPTIONS };
