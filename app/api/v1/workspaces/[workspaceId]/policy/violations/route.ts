import { apiRoute } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { listPolicyViolations } from "@/lib/policies/list-violations";

export const dynamic = "force-dynamic";

const read = apiRoute<{ workspaceId: string }>(async ({ actor, params }) =>
  listPolicyViolations(actor, params.workspaceId),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
