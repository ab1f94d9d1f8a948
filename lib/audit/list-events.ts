import "server-only";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { getDb, jsonObject, type ResourceType } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { ACTIVITY_PAGE_SIZE, type ActivityFilter } from "./activity-filter";
import {
  type AuditRecord,
  actionsOfKind,
  describeEvent,
  type EventKind,
  eventSubjects,
  kindOf,
} from "./describe-event";
import type { EventNames } from "./names";
import { resolveEventNames } from "./resolve-names";
import type { Sentence } from "./sentence";
import type { InsightSubject } from "@/lib/insights/paths";

/** One event as the Activity page and the share dialog's History tab show it. */
export type ActivityEvent = {
  id: string;
  createdAt: string;
  action: string;
  kind: EventKind;
  sentence: Sentence;
  /** where this event's resource or access link has insights (views and downloads), if anywhere */
  insights: { subject: InsightSubject; id: string } | null;
};

export type ActivityPage = {
  events: ActivityEvent[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

type Row = AuditRecord & { id: string; createdAt: Date; workspaceId: string | null };

export const toRecord = (r: {
  id: string;
  action: string;
  resourceType: ResourceType;
  resourceId: string;
  actorId: string | null;
  details: unknown;
  createdAt: Date;
  workspaceId: string | null;
}): Row => ({ ...r, details: jsonObject(r.details as never) });

export function toActivityEvent(r: Row, names: EventNames): ActivityEvent {
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    action: r.action,
    kind: kindOf(r.action),
    sentence: describeEvent(r, names),
    insights: insightsOf(r),
  };
}

/** Link events lead to the link's insights, other events on a dataset, file or folder to that resource's. */
function insightsOf(r: Row): ActivityEvent["insights"] {
  const linkId = r.details.linkId;
  if (r.action.startsWith("link.") && typeof linkId === "string") return { subject: "link", id: linkId };
  if (r.resourceType === "workspace" || r.action.endsWith(".deleted")) return null;
  return { subject: r.resourceType, id: r.resourceId };
}

export function toCsvFields(r: Row, names: EventNames) {
  return { ...eventSubjects(r, names), sentence: describeEvent(r, names) };
}

/** The database filter of a workspace's events under the Activity page's filters. */
export function activityWhere(workspaceId: string, filter: Omit<ActivityFilter, "page">) {
  const [type, id] = filter.resource ? filter.resource.split(":") : [];
  return {
    workspaceId,
    ...(filter.person ? { actorId: filter.person } : {}),
    ...(filter.kind ? { action: { in: actionsOfKind(filter.kind) } } : {}),
    ...(type && id ? { resourceType: type as ResourceType, resourceId: id } : {}),
  };
}

/**
 * Loads a workspace the actor manages. Rule: a workspace's audit trail is for its managers (owner
 * and admins) only; anyone else gets the same answer as for a workspace that does not exist
 * or a 403 from lib/access.
 */
export async function loadManagedWorkspace(actor: Actor, workspaceId: string) {
  const workspace = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, slug: true, ownerId: true },
  });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  return workspace;
}

/** One page (50 events) of a workspace's audit trail under `filter`, newest first, as sentences. */
export async function listWorkspaceActivity(
  actor: Actor,
  workspaceId: string,
  filter: ActivityFilter,
): Promise<ActivityPage> {
  await loadManagedWorkspace(actor, workspaceId);
  const db = getDb();
  const where = activityWhere(workspaceId, filter);
  const total = await db.auditEvent.count({ where });
  const pageSize = ACTIVITY_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pageCount);
  const rows = (
    await db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    })
  ).map(toRecord);
  const names = await resolveEventNames(rows, { workspaceId });
  return { events: rows.map((r) => toActivityEvent(r, names)), total, page, pageCount, pageSize };
}
