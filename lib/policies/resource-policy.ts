import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import type { ResourceType } from "@/lib/sharing/schemas";
import { loadPolicy } from "./load-policy";
import type { SharingPolicy } from "./schemas";

/**
 * The sharing policy that applies to a resource (its workspace's), for the share dialog to show
 * before the sharer hits a refusal. Managers of the resource only, like the dialog itself.
 */
export async function getResourcePolicy(actor: Actor, type: ResourceType, id: string): Promise<SharingPolicy> {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  return loadPolicy(target.workspace.id);
}
