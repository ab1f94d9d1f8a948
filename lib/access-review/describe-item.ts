import "server-only";
import { granteeContacts } from "@/lib/reminders/grantee-contacts";
import { loadSharedResources, type SharedResource } from "@/lib/sharing/shared-resource";
import type { ResourceType } from "@/lib/db";
import type { UnusedGrant, UnusedLink } from "./find-unused";

const ROLE_NAMES: Record<string, string> = {
  editor: "editor",
  viewer: "viewer",
  viewonly: "view-only",
  aggregate: "totals-only",
};

export const roleName = (role: string) => ROLE_NAMES[role] ?? role;

export type DescribedItem = { title: string; resource: SharedResource };

/** How a grant or link reads in a review ("Bob Berg (viewer) on dataset "orders""), by id; items whose resource is gone are left out. */
export async function describeReviewItems(items: (UnusedGrant | UnusedLink)[]): Promise<Map<string, DescribedItem>> {
  const byType = new Map<ResourceType, string[]>();
  for (const i of items) byType.set(i.resourceType, [...(byType.get(i.resourceType) ?? []), i.resourceId]);
  const resources = new Map<string, SharedResource>();
  for (const [type, ids] of byType)
    for (const [id, r] of await loadSharedResources(type, ids)) resources.set(`${type}:${id}`, r);
  const grantees = await granteeContacts(items.filter((i): i is UnusedGrant => i.kind === "share"));
  const out = new Map<string, DescribedItem>();
  for (const item of items) {
    const resource = resources.get(`${item.resourceType}:${item.resourceId}`);
    if (!resource) continue;
    const title =
      item.kind === "share"
        ? `${grantees.get(item.id)?.name ?? "Someone"} (${roleName(item.role)}) on ${resource.label}`
        : `Access link ${item.label ? `“${item.label}”` : `${item.prefix}…`} (${item.mode === "public" ? "anyone" : "signed-in people"}${item.allowDownload ? "" : ", view-only"}) to ${resource.label}`;
    out.set(`${item.kind}:${item.id}`, { title, resource });
  }
  return out;
}
