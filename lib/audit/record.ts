import type { JsonObjectInput, Tx } from "@/lib/db";
import type { ResourceType } from "@/lib/sharing/schemas";

export type AuditInput = {
  workspaceId?: string | null;
  actorId?: string | null;
  action: string;
  resourceType: ResourceType;
  resourceId: string;
  details?: JsonObjectInput;
};

/**
 * Appends to the audit trail inside the caller's transaction, so the event and its record commit
 * together. A visitor through an access link without an account acts as "link:<linkId>": the
 * record names the link instead of a user.
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  const viaLink = event.actorId?.startsWith("link:") ? event.actorId.slice(5) : null;
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId ?? null,
      actorId: viaLink ? null : (event.actorId ?? null),
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      details: viaLink ? { ...event.details, linkId: viaLink } : (event.details ?? {}),
    },
  });
}
