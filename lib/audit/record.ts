import type { Tx } from "@/lib/db";

export type AuditInput = {
  workspaceId?: string | null;
  actorId?: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit trail inside the caller's transaction, so the event and its record commit together. */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      details: JSON.stringify(event.details ?? {}),
    },
  });
}
