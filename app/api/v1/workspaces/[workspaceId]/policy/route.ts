import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { policyInput } from "@/lib/policies/schemas";
import { getWorkspacePolicy, updateWorkspacePolicy } from "@/lib/policies/workspace-policy";

type Params = { workspaceId: string };
export const dynamic = "force-dynamic";

const read = apiRoute<Params>(async ({ actor, params }) => getWorkspacePolicy(actor, params.workspaceId));

/** Replaces the policy: fields left out mean "no limit". */
const replace = apiRoute<Params>(async ({ actor, request, params }) =>
  updateWorkspacePolicy(actor, params.workspaceId, await readJson(request, policyInput)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, PUT: replace });
