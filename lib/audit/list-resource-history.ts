import "server-only";
import { type Actor, allows, assertCan, getWorkspaceRole } from "@/lib/access";
import { getDb, type ResourceType } from "@/lib/db";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import { type ActivityEvent, toActivityEvent, toRecord } from "./list-events";
import { resolveEventNames } from "./resolve-names";

/** How many events the share dialog's History tab shows. */
export const HISTORY_LIMIT = 100;

/**
 * One resource's history (shares, role changes, links, edits), newest first, in the Activity
 * page's sentences. Rule: only the resource's managers read it, and the sentences name other
 * resources (the folders of a move) only as far as the reader may see them: everything in the
 * workspace for its managers, else only what lies inside this resource.
 */
export async function listResourceActivity(actor: Actor, type: ResourceType, id: string): Promise<ActivityEvent[]> {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  const workspaceId = target.workspace.id;
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { id: true, ownerId: true },
  });
  const role = await getWorkspaceRole(actor, workspace);
  const managesWorkspace = role !== null && allows(role, "manage");
  const rows = (
    await getDb().auditEvent.findMany({
      where: { resourceType: type, resourceId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
    })
  ).map(toRecord);
  const names = await resolveEventNames(
    rows,
    managesWorkspace ? { workspaceId } : { workspaceId, within: { type, id } },
  );
  return rows.map((r) => toActivityEvent(r, names));
}
