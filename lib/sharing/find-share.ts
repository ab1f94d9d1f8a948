import type { Tx } from "@/lib/db";
import type { ResourceType } from "./schemas";

/** The one grant a grantee (by grantee key) holds on a resource, or null. */
export function findShare(tx: Tx, resource: { resourceType: ResourceType; resourceId: string }, granteeKey: string) {
  return tx.share.findUnique({
    where: {
      resourceType_resourceId_granteeKey: {
        resourceType: resource.resourceType,
        resourceId: resource.resourceId,
        granteeKey,
      },
    },
  });
}
