import "server-only";
import { createElement } from "react";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { kickOutbox } from "@/lib/email/sender";
import { displayNameOf } from "@/lib/users/display-name";
import { AppError } from "@/lib/util/errors";
import { formatDateTime } from "@/lib/util/format";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { AccessRequestEmail } from "./emails/access-request-email";
import { requestCooldownMs, requestsPerHour } from "./limits";
import { workspaceManagers } from "./managers";
import { requestReviewPath } from "./paths";
import { type ResolvedTarget, resolveRequestTarget } from "./request-target";
import { type CreateRequestInput, createRequestInput, type RequestTarget, requestTargetInput } from "./schemas";

export type CreatedRequest = { id: string; status: "pending"; resourceType: string; resourceId: string };

export const pendingKeyOf = (type: string, id: string, requesterId: string) => `${type}:${id}:${requesterId}`;

/** Every question answered, the terms accepted when there are any: field errors the form shows beside each. */
function checkAnswers(target: ResolvedTarget, input: { answers: string[]; acceptTerms: boolean }) {
  const errors: Record<string, string> = {};
  target.questions.forEach((_, i) => {
    if (!input.answers[i]) errors[`answers.${i}`] = "Answer this question.";
  });
  if (target.terms && !input.acceptTerms) errors.acceptTerms = "Accept the terms to send the request.";
  if (Object.keys(errors).length > 0) {
    throw new AppError("invalid", Object.values(errors)[0]!, errors);
  }
}

/**
 * Rule: one pending request per person and resource (409, also under concurrent requests through
 * AccessRequest.pendingKey); after a decided request the same person waits the cooldown
 * (ACCESS_REQUEST_COOLDOWN_HOURS, 24 by default) before asking again for that resource, and sends
 * at most ACCESS_REQUESTS_PER_HOUR requests an hour in all (429 with Retry-After, the rule in the message).
 * Runs inside the transaction that writes the request, after a lock on the requester's row, so
 * requests a person sends at once take turns and the counts are exact.
 */
async function assertMayRequest(db: Tx, actor: Actor, target: ResolvedTarget, now: Date) {
  await db.$executeRaw`UPDATE "User" SET "id" = "id" WHERE "id" = ${actor.id}`;
  const [pending, last, lastHour] = await Promise.all([
    db.accessRequest.findUnique({
      where: { pendingKey: pendingKeyOf(target.type, target.id, actor.id) },
      select: { id: true },
    }),
    db.accessRequest.findFirst({
      where: { requesterId: actor.id, resourceType: target.type, resourceId: target.id },
      orderBy: { createdAt: "desc" },
      select: { decidedAt: true, createdAt: true },
    }),
    db.accessRequest.findMany({
      where: { requesterId: actor.id, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  if (pending)
    throw new AppError("conflict", "You already asked for access to this; the managers have not answered yet.");
  const cooldown = requestCooldownMs();
  const since = last ? (last.decidedAt ?? last.createdAt) : null;
  if (since && now.getTime() - since.getTime() < cooldown) {
    const again = new Date(since.getTime() + cooldown);
    throw new AppError(
      "rate_limited",
      `You can ask for access to the same thing once every ${cooldown / 3_600_000} hours after an answer; ask again after ${formatDateTime(again)}.`,
      undefined,
      Math.max(1, Math.ceil((again.getTime() - now.getTime()) / 1000)),
    );
  }
  const perHour = requestsPerHour();
  if (lastHour.length >= perHour) {
    const again = new Date(lastHour[0]!.createdAt.getTime() + 3_600_000);
    throw new AppError(
      "rate_limited",
      `You can send at most ${perHour} access requests an hour; try again after ${formatDateTime(again)}.`,
      undefined,
      Math.max(1, Math.ceil((again.getTime() - now.getTime()) / 1000)),
    );
  }
}

/**
 * Sends an access request: checked against who may ask for what (resolveRequestTarget), the form
 * (every question answered, terms accepted) and the limits (assertMayRequest); stored, audited and
 * e-mailed to every manager of the resource's workspace through the outbox in one transaction.
 */
export async function createAccessRequest(
  actor: Actor,
  rawTarget: RequestTarget,
  raw: CreateRequestInput,
): Promise<CreatedRequest> {
  const target = await resolveRequestTarget(actor, requestTargetInput.parse(rawTarget));
  const input = createRequestInput.parse(raw);
  checkAnswers(target, input);
  const now = new Date();
  const answers = target.questions.map((question, i) => ({ question, answer: input.answers[i] ?? "" }));
  const requester = await displayNameOf(actor);
  const { workspace } = target.shared;
  try {
    const created = await getDb().$transaction(async (tx) => {
      await assertMayRequest(tx, actor, target, now);
      const request = await tx.accessRequest.create({
        data: {
          workspaceId: workspace.id,
          resourceType: target.type,
          resourceId: target.id,
          datasetId: target.type === "dataset" ? target.id : null,
          fileEntryId: target.type === "folder" || target.type === "file" ? target.id : null,
          requesterId: actor.id,
          source: rawTarget.source,
          message: input.message,
          answers,
          acceptedTerms: target.terms ? target.terms : "",
          pendingKey: pendingKeyOf(target.type, target.id, actor.id),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor,
        action: "access_request.created",
        resourceType: target.type,
        resourceId: target.id,
        details: { requestId: request.id, requester, source: rawTarget.source },
      });
      const url = `${appUrl()}${requestReviewPath(workspace, request.id)}`;
      const email = await renderEmail(
        `${requester} asks for access to ${target.shared.label}`,
        createElement(AccessRequestEmail, {
          requester,
          what: target.shared.label,
          message: input.message,
          answers,
          acceptedTerms: Boolean(target.terms),
          url,
        }),
      );
      for (const manager of await workspaceManagers(tx, workspace.id)) {
        await enqueueEmail(tx, { to: manager.email, kind: "access-request", ...email });
      }
      return request;
    });
    kickOutbox();
    return { id: created.id, status: "pending", resourceType: target.type, resourceId: target.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "You already asked for access to this; the managers have not answered yet.");
    }
    throw error;
  }
}
