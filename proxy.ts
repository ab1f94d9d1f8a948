import { type NextRequest, NextResponse } from "next/server";
import { malformedPathResponse } from "@/lib/http/malformed-path";

// Where requests enter the app, before routing: Next.js cannot route a path whose
// percent-encoding does not decode and would answer a plain-text 500 (lib/http/malformed-path.ts).
export function proxy(request: NextRequest): Response {
  return malformedPathResponse(request.nextUrl.pathname) ?? NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
