import "server-only";
import { getDb, type ResourceType } from "@/lib/db";
import type { RequestStatus } from "./schemas";

/** A requester's view of one of their requests: its state and, once decided, the answer. */
export type MyRequest = {
  id: string;
  status: RequestStatus;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
  role: string | null;
  expiresAt: string | null;
};

const select = {
  id: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionReason: true,
  grantedRole: true,
  grantExpiresAt: true,
} as const;

type Row = {
  id: string;
  status: RequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  grantedRole: string | null;
  grantExpiresAt: Date | null;
};

export function toMyRequest(r: Row): MyRequest {
  return {
    id: r.id,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.decisionReason,
    role: r.grantedRole,
    expiresAt: r.grantExpiresAt?.toISOString() ?? null,
  };
}

/** The person's latest request for a resource, or null. */
export async function latestRequestOf(
  requesterId: string,
  resourceType: ResourceType,
  resourceId: string,
): Promise<MyRequest | null> {
  const row = await getDb().accessRequest.findFirst({
    where: { requesterId, resourceType, resourceId },
    orderBy: { createdAt: "desc" },
    select,
  });
  return row ? toMyRequest(row) : null;
}

/** The person's latest request per resource id (one query), for lists such as Shared with me. */
export async function latestRequestsOf(
  requesterId: string,
  resources: { type: ResourceType; id: string }[],
): Promise<Map<string, MyRequest>> {
  if (resources.length === 0) return new Map();
  const rows = await getDb().accessRequest.findMany({
    where: { requesterId, OR: resources.map((r) => ({ resourceType: r.type, resourceId: r.id })) },
    orderBy: { createdAt: "asc" },
    select: { ...select, resourceType: true, resourceId: true },
  });
  return new Map(rows.map((r) => [`${r.resourceType}:${r.resourceId}`, toMyRequest(r)]));
}
