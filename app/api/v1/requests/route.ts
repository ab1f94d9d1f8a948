import { apiRoute, noStoreJson, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { apiCreateRequestBody, createRequestFromBody } from "@/lib/requests/api";
import { listMyRequests } from "@/lib/requests/list-requests";

export const dynamic = "force-dynamic";

/** Ask for access from a Listed dataset, an ended grant or an expired or revoked link (201). */
const create = apiRoute(async ({ actor, request }) =>
  noStoreJson(await createRequestFromBody(actor, await readJson(request, apiCreateRequestBody)), { status: 201 }),
);

/** The caller's own requests and their answers. */
const mine = apiRoute(async ({ actor }) => ({ requests: await listMyRequests(actor) }));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: mine, POST: create });
