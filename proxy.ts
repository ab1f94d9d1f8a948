import { type NextRequest, NextResponse } from "next/server";
import { malformedPathResponse } from "@/lib/http/malformed-path";

// Where requests enter the app, before routing: Next.js cannot route a path whose
// percent-encoding does not decode and would answer a plain-text 500 (lib/http/malformed-path.ts).
export function proxy(request: NextRequest): Response {
  return malformedPathResponse(request.nextUrl.pathname) ?? NextResponse.next();
}

// Only paths that carry percent-encoding can be malformed, so only they pass through here. This
// also keeps upload bodies out of the proxy: Next.js copies the body of every request its proxy
// sees and cuts it at proxyClientMaxBodySize (10 MB), and upload and ingest paths are plain ASCII.
export const config = { matcher: "/(.*%.*)" };
