import { apiRoute, readJson } from "@/lib/api/route";
import { querySharedBy, sharedByBodySchema } from "@/lib/api/shared-by";

export const dynamic = "force-dynamic";

/** Who shared each listed dataset with this workspace or the caller, and when. */
export const POST = apiRoute<{ workspaceId: string }>(async ({ actor, request, params }) =>
  querySharedBy(actor, params.workspaceId, await readJson(request, sharedByBodySchema)),
);
