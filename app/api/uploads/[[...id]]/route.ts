import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { handleTusRequest } from "@/lib/uploads/tus-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The one tus endpoint for file and dataset uploads (resumable, chunked; never a server action). */
async function handle(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in to upload." }, { status: 401 });
  return handleTusRequest(user, request);
}

export { handle as POST, handle as PATCH, handle as HEAD, handle as DELETE, handle as OPTIONS };
