import "server-only";
import type { Actor } from "@/lib/access";
import { recordAccess } from "./record-access";

const VIEWED = { dataset: "dataset.viewed", file: "file.viewed", folder: "folder.viewed" } as const;

/** Records that the actor viewed a resource's page or preview (bounded like every access: see recordAccess). */
export async function recordView(
  actor: Actor,
  type: keyof typeof VIEWED,
  resource: { id: string; workspaceId: string; name?: string | null },
): Promise<void> {
  await recordAccess(actor, {
    workspaceId: resource.workspaceId,
    action: VIEWED[type],
    resourceType: type,
    resourceId: resource.id,
    details: resource.name ? { name: resource.name } : {},
  });
}
