import "server-only";
import type { Actor } from "@/lib/access";
import { listEndedGrants } from "@/lib/sharing/shared-lists";
import { latestRequestsOf } from "./my-requests";

/** The actor's ended grants with their latest request for each resource (for Shared with me). */
export async function endedGrantsWithRequests(actor: Actor) {
  const grants = await listEndedGrants(actor);
  const requests = await latestRequestsOf(
    actor.id,
    grants.map((g) => ({ type: g.resourceType, id: g.resourceId })),
  );
  return grants.map((g) => {
    const request = requests.get(`${g.resourceType}:${g.resourceId}`);
    return {
      shareId: g.shareId,
      resourceType: g.resourceType,
      name: g.name,
      workspace: `${g.workspace.owner}/${g.workspace.slug}`,
      role: g.role,
      endedAt: (g.expiresAt ?? g.sharedAt).toISOString(),
      request: request ? { status: request.status, reason: request.reason } : null,
    };
  });
}
