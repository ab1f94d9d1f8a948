import { SHARE_ROLES, type ResourceType, type ShareRole } from "@/lib/sharing/schemas";

/** The roles a share dialog offers on a resource: "Totals only" exists for datasets alone (assertAggregateTarget). */
export function shareRolesFor(type: ResourceType): readonly ShareRole[] {
  return type === "dataset" ? SHARE_ROLES : SHARE_ROLES.filter((role) => role !== "aggregate");
}
