import { type Actor, accountIdOf } from "@/lib/access/actor";
import type { JsonObjectInput, Tx } from "@/lib/db";
import type { ResourceType } from "@/lib/sharing/schemas";

export type AuditInput = {
  workspaceId?: string | null;
  /** who acted: a user, or a visitor through an access link (recorded by the link, as they have no account) */
  actor?: Actor | null;
  /** for events recorded on someone's behalf without an Actor at hand (sign-up, CLI): an account id */
  actorId?: string | null;
  action: string;
  resourceType: ResourceType;
  resourceId: string;
  details?: JsonObjectInput;
  /** views and downloads only: one event per key (lib/insights/record-access.ts); a second insert is a unique violation */
  dedupKey?: string;
};

/**
 * Appends to the audit trail inside the caller's transaction, so the event and its record commit
 * together. A link visitor has no account: the record names the link instead of a user. Whatever
 * came through a link (a visitor, a signed-in user holding it, or a link event naming it in its
 * details) also keeps the link's id in its own column, which link insights filter on.
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  const { actor } = event;
  const viaLink = actor?.kind === "link" ? actor.link.id : null;
  const named = event.details?.linkId;
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId ?? null,
      actorId: actor ? accountIdOf(actor) : (event.actorId ?? null),
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      details: viaLink ? { ...event.details, linkId: viaLink } : (event.details ?? {}),
      linkId: actor?.link?.id ?? (typeof named === "string" ? named : null),
      dedupKey: event.dedupKey ?? null,
    },
  });
}

/** Records that `actor` deleted a resource (action "<type>.deleted"), inside the deleting transaction. */
export function recordDeletion(
  tx: Tx,
  actor: Actor,
  resource: { workspaceId: string; type: ResourceType; id: string },
  details: JsonObjectInput,
): Promise<void> {
  const { workspaceId, type, id } = resource;
  return recordAudit(tx, {
    workspaceId,
    actor,
    action: `${type}.deleted`,
    resourceType: type,
    resourceId: id,
    details,
  });
}
