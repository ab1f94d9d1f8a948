import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { approveAccessRequest } from "@/lib/requests/decide-request";
import { approveRequestInput } from "@/lib/requests/schemas";

type Params = { requestId: string };

export const dynamic = "force-dynamic";

/** Approve with a role and an optional end date: creates a normal grant. Managers only. */
const approve = apiRoute<Params>(async ({ actor, request, params }) =>
  approveAccessRequest(actor, params.requestId, await readJson(request, approveRequestInput)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: approve });
