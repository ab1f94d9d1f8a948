// Route handlers resolve their actor with withRequestActor (lib/api/route.ts, the one route wrapper),
// so access-link visitors reuse them with `?link=`; permissions are checked by the services.

/** JSON that is never cached (listings change with every upload, rename and move). */
export function noStoreJson(data: unknown): Response {
  return Response.json(data, { headers: { "Cache-Control": "no-store" } });
}
