import "server-only";
import { z } from "zod";
import { type Actor, type WorkspaceRef, allows, assertCan, assertCanWorkspace, getEffectiveRole } from "@/lib/access";
import { getDb, type ResourceType } from "@/lib/db";
import { loadSharedResource, loadSharedResources } from "@/lib/sharing/shared-resource";
import { notFound } from "@/lib/util/errors";
import { requestReviewPath } from "./paths";
import { type RequestStatus, requestStatusSchema } from "./schemas";

/** One request as managers (and, for their own, requesters) see it. */
export type AccessRequestView = {
  id: string;
  status: RequestStatus;
  source: string;
  resource: { type: ResourceType; id: string; label: string; path: string };
  workspace: { id: string; name: string; slug: string; owner: string };
  requester: { username: string | null; email: string; name: string | null };
  message: string;
  answers: { question: string; answer: string }[];
  acceptedTerms: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  role: string | null;
  expiresAt: string | null;
  /** where a manager reviews it */
  reviewPath: string;
};

const answersSchema = z.array(z.object({ question: z.string(), answer: z.string() })).catch([]);

const include = {
  requester: { select: { username: true, email: true, name: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

function findRequest(id: string) {
  return getDb().accessRequest.findUnique({ where: { id }, include });
}

async function toViews(rows: Row[]): Promise<AccessRequestView[]> {
  const byType = new Map<ResourceType, string[]>();
  for (const r of rows) byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), r.resourceId]);
  const loaded = new Map<string, Awaited<ReturnType<typeof loadSharedResource>>>();
  for (const [type, ids] of byType) {
    for (const [id, resource] of await loadSharedResources(type, ids)) loaded.set(`${type}:${id}`, resource);
  }
  const deciders = await getDb().user.findMany({
    where: { id: { in: rows.map((r) => r.decidedById).filter((id): id is string => Boolean(id)) } },
    select: { id: true, username: true, name: true },
  });
  // The requester sees who decided, but never a manager's e-mail address (a requester may be a stranger).
  const deciderName = new Map(deciders.map((u) => [u.id, u.username ?? u.name ?? "a manager"]));
  return rows.flatMap((r) => {
    const shared = loaded.get(`${r.resourceType}:${r.resourceId}`);
    if (!shared) return [];
    return [
      {
        id: r.id,
        status: r.status,
        source: r.source,
        resource: { type: r.resourceType, id: r.resourceId, label: shared.label, path: shared.path },
        workspace: shared.workspace,
        requester: r.requester,
        message: r.message,
        answers: answersSchema.parse(r.answers),
        acceptedTerms: r.acceptedTerms,
        createdAt: r.createdAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decidedBy: r.decidedById ? (deciderName.get(r.decidedById) ?? null) : null,
        reason: r.decisionReason,
        role: r.grantedRole,
        expiresAt: r.grantExpiresAt?.toISOString() ?? null,
        reviewPath: requestReviewPath(shared.workspace, r.id),
      },
    ];
  });
}

const statusFilter = requestStatusSchema.optional();
const LIST_LIMIT = 200;

/** A workspace's requests, newest first (pending by default). Managers of the workspace only (assertCanWorkspace). */
export async function listWorkspaceRequests(
  actor: Actor,
  workspace: WorkspaceRef,
  status: unknown = "pending",
): Promise<AccessRequestView[]> {
  const wanted = statusFilter.parse(status);
  await assertCanWorkspace(actor, workspace, "manage");
  const rows = await getDb().accessRequest.findMany({
    where: { workspaceId: workspace.id, ...(wanted ? { status: wanted } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    include,
  });
  return toViews(rows);
}

/** Pending requests of a workspace, for its managers' badge; 0 for anyone else. */
export async function pendingRequestCount(actor: Actor, workspace: WorkspaceRef): Promise<number> {
  try {
    await assertCanWorkspace(actor, workspace, "manage");
  } catch {
    return 0;
  }
  return getDb().accessRequest.count({ where: { workspaceId: workspace.id, status: "pending" } });
}

/** A resource's requests, newest first. Managers of the resource only (assertCan "manage"; non-readers 404). */
export async function listResourceRequests(
  actor: Actor,
  type: ResourceType,
  id: string,
  status?: unknown,
): Promise<AccessRequestView[]> {
  const wanted = statusFilter.parse(status);
  const shared = await loadSharedResource(type, id);
  await assertCan(actor, "manage", shared.resource);
  const rows = await getDb().accessRequest.findMany({
    where: { resourceType: type, resourceId: id, ...(wanted ? { status: wanted } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    include,
  });
  return toViews(rows);
}

/** The actor's own requests, newest first: what they asked for and what was answered. */
export async function listMyRequests(actor: Actor): Promise<AccessRequestView[]> {
  if (actor.kind === "link") return [];
  const rows = await getDb().accessRequest.findMany({
    where: { requesterId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    include,
  });
  return toViews(rows);
}

/**
 * One request. Rule: its resource's managers see it (and may decide it); its requester sees their
 * own; to anyone else it does not exist (404), whatever they know of its id.
 */
export async function getAccessRequest(
  actor: Actor,
  id: string,
): Promise<{ request: AccessRequestView; canDecide: boolean }> {
  const row = await findRequest(id);
  if (!row) throw notFound("Request not found");
  const [view] = await toViews([row]);
  if (!view) throw notFound("Request not found");
  const shared = await loadSharedResource(row.resourceType, row.resourceId);
  const role = actor.kind === "link" ? null : await getEffectiveRole(actor, shared.resource);
  const canDecide = allows(role, "manage");
  if (!canDecide && row.requesterId !== actor.id) throw notFound("Request not found");
  return { request: view, canDecide };
}
