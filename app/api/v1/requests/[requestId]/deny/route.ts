import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { denyAccessRequest } from "@/lib/requests/decide-request";
import { denyRequestInput } from "@/lib/requests/schemas";

type Params = { requestId: string };

export const dynamic = "force-dynamic";

/** Deny with an optional reason, which the requester is e-mailed. Managers only. */
const deny = apiRoute<Params>(async ({ actor, request, params }) =>
  denyAccessRequest(actor, params.requestId, await readJson(request, denyRequestInput)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: deny });
