import "server-only";
import { createElement } from "react";
import { type Actor, assertCan } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { kickOutbox } from "@/lib/email/sender";
import { shareResource } from "@/lib/sharing/share-resource";
import { loadSharedResource } from "@/lib/sharing/shared-resource";
import { nameWithoutAddress } from "@/lib/users/display-name";
import { AppError, notFound } from "@/lib/util/errors";
import { RequestDecisionEmail } from "./emails/request-decision-email";
import { MY_REQUESTS_PATH } from "./paths";
import { type ApproveRequestInput, approveRequestInput, denyRequestInput } from "./schemas";

export type Decision = { id: string; status: "approved" | "denied"; role: string | null; expiresAt: string | null };

/**
 * A request and its resource for a manager. Rule: only the resource's managers decide (assertCan
 * "manage": others who can see the resource get the owner-only 403); to anyone who cannot see the
 * resource the request does not exist (404).
 */
async function loadForDecision(actor: Actor, requestId: string) {
  const request = await getDb().accessRequest.findUnique({
    where: { id: requestId },
    include: { requester: { select: { id: true, email: true, username: true, name: true } } },
  });
  if (!request) throw notFound("Request not found");
  let shared;
  try {
    shared = await loadSharedResource(request.resourceType, request.resourceId);
  } catch {
    throw notFound("Request not found");
  }
  await assertCan(actor, "manage", shared.resource);
  if (request.status !== "pending") {
    throw new AppError("conflict", `This request was already ${request.status}.`);
  }
  return { request, shared };
}

/** Moves a pending request to its decision, once: a second decision (another manager, a double click) is a 409. */
async function claim(requestId: string, status: "approved" | "denied", actor: Actor, data: object) {
  const { count } = await getDb().accessRequest.updateMany({
    where: { id: requestId, status: "pending" },
    data: { status, pendingKey: null, decidedById: actor.id, decidedAt: new Date(), ...data },
  });
  if (count === 0) throw new AppError("conflict", "This request was already decided.");
}

/**
 * Approves a request with a role (viewonly, viewer or editor) and an optional end date. The access
 * itself is a normal grant made through shareResource (same checks, audit, e-mail and cascade rules
 * as the share dialog); if the grant is refused the request goes back to pending. The requester is
 * told by the share e-mail, or by the decision e-mail when the grant existed before (an ended one renewed).
 */
export async function approveAccessRequest(
  actor: Actor,
  requestId: string,
  raw: ApproveRequestInput,
): Promise<Decision> {
  const input = approveRequestInput.parse(raw);
  const { request, shared } = await loadForDecision(actor, requestId);
  await claim(requestId, "approved", actor, { grantedRole: input.role, grantExpiresAt: input.expiresAt ?? null });
  let outcome;
  try {
    [outcome] = await shareResource(actor, request.resourceType, request.resourceId, {
      grantees: [request.requester.username ?? request.requester.email],
      role: input.role,
      ...(input.role === "aggregate" && input.minGroupSize ? { minGroupSize: input.minGroupSize } : {}),
      expiresAt: input.expiresAt,
      note: "Your access request was approved.",
    });
  } catch (error) {
    await getDb().accessRequest.update({
      where: { id: requestId },
      data: {
        status: "pending",
        pendingKey: `${request.resourceType}:${request.resourceId}:${request.requesterId}`,
        decidedById: null,
        decidedAt: null,
        grantedRole: null,
        grantExpiresAt: null,
      },
    });
    throw error;
  }
  const decider = await nameWithoutAddress(actor, "A manager");
  await getDb().$transaction(async (tx) => {
    await recordAudit(tx, {
      workspaceId: shared.workspace.id,
      actor,
      action: "access_request.approved",
      resourceType: request.resourceType,
      resourceId: request.resourceId,
      details: {
        requestId,
        requester: request.requester.username ?? request.requester.email,
        role: input.role,
        ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
      },
    });
    if (outcome?.change === "updated") {
      const email = await renderEmail(
        `${decider} approved your request for ${shared.label}`,
        createElement(RequestDecisionEmail, {
          decider,
          what: shared.label,
          approved: true,
          role: input.role,
          expiresAt: input.expiresAt,
          url: `${appUrl()}${shared.path}`,
        }),
      );
      await enqueueEmail(tx, { to: request.requester.email, kind: "access-request-decision", ...email });
    }
  });
  kickOutbox();
  return { id: requestId, status: "approved", role: input.role, expiresAt: input.expiresAt?.toISOString() ?? null };
}

/** Denies a request with an optional reason; the requester is e-mailed the reason. Managers only (loadForDecision). */
export async function denyAccessRequest(actor: Actor, requestId: string, raw: unknown): Promise<Decision> {
  const { reason } = denyRequestInput.parse(raw ?? {});
  const { request, shared } = await loadForDecision(actor, requestId);
  const decider = await nameWithoutAddress(actor, "A manager");
  const email = await renderEmail(
    `${decider} declined your request for ${shared.label}`,
    createElement(RequestDecisionEmail, {
      decider,
      what: shared.label,
      approved: false,
      reason,
      url: `${appUrl()}${MY_REQUESTS_PATH}`,
    }),
  );
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.accessRequest.updateMany({
      where: { id: requestId, status: "pending" },
      data: {
        status: "denied",
        pendingKey: null,
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionReason: reason || null,
      },
    });
    if (count === 0) throw new AppError("conflict", "This request was already decided.");
    await recordAudit(tx, {
      workspaceId: shared.workspace.id,
      actor,
      action: "access_request.denied",
      resourceType: request.resourceType,
      resourceId: request.resourceId,
      details: { requestId, requester: request.requester.username ?? request.requester.email, reason },
    });
    await enqueueEmail(tx, { to: request.requester.email, kind: "access-request-decision", ...email });
  });
  kickOutbox();
  return { id: requestId, status: "denied", role: null, expiresAt: null };
}
