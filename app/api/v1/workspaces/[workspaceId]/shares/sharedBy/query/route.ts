import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { querySharedBy, sharedByBodySchema } from "@/lib/api/shared-by";

export const dynamic = "force-dynamic";

/** Who shared each listed dataset with this workspace or the caller, and when. */
const write = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  querySharedBy(actor, params.workspaceId, await readJson(request, sharedByBodySchema)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: write });
