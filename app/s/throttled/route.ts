import { clientAddress } from "@/lib/http/client-address";
import { linkThrottleState } from "@/lib/links/open-link";

export const dynamic = "force-dynamic";

/**
 * Where an access link page sends a throttled client: a page cannot choose its status code, a
 * route handler can, so the answer is a real 429 with Retry-After (no token in this URL).
 */
export async function GET(request: Request) {
  const state = await linkThrottleState(clientAddress(request.headers));
  const seconds = Math.max(60, state.retryAfterSeconds);
  const minutes = Math.ceil(seconds / 60);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>Too many attempts · Datashelf</title>
<style>body{font-family:system-ui,sans-serif;display:flex;min-height:90vh;align-items:center;justify-content:center;margin:0;padding:1rem;color:#18181b}main{max-width:24rem;border:1px solid #e4e4e7;border-radius:.5rem;padding:2rem}h1{font-size:1.125rem;margin:0 0 1rem}p{font-size:.875rem;color:#52525b}</style>
</head><body><main><h1>Too many attempts</h1><p>Too many wrong links or passwords came from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.</p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(seconds),
      "Cache-Control": "private, no-store",
    },
  });
}
