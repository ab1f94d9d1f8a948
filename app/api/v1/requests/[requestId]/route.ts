import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { getAccessRequest } from "@/lib/requests/list-requests";

type Params = { requestId: string };

export const dynamic = "force-dynamic";

/** One request, for its resource's managers and its requester. */
const read = apiRoute<Params>(async ({ actor, params }) => getAccessRequest(actor, params.requestId));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
