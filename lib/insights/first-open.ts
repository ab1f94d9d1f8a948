import "server-only";
import { createElement } from "react";
import { type Actor, allows, getEffectiveRole } from "@/lib/access";
import { actorGranteeKeys } from "@/lib/access/grantee-keys";
import { grantTargets, liveGrantWhere } from "@/lib/access/grants";
import { getDb, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { kickOutbox } from "@/lib/email/sender";
import { loadSharedResource, type SharedResource } from "@/lib/sharing/shared-resource";
import { displayNameOf } from "@/lib/users/display-name";
import { AppError } from "@/lib/util/errors";
import { FirstOpenEmail } from "./emails/first-open-email";
import { insightsPath } from "./paths";
import type { AccessEvent } from "./record-access";

async function whoOpened(actor: Actor): Promise<string> {
  if (actor.kind === "link") return actor.link.visitor ? `A visitor (${actor.link.visitor.slice(0, 6)})` : "A visitor";
  return displayNameOf(actor);
}

async function mailSharer(
  tx: Tx,
  sharerId: string,
  input: { who: string; what: string; via: string; path: string },
): Promise<boolean> {
  const sharer = await tx.user.findUnique({ where: { id: sharerId }, select: { email: true } });
  if (!sharer) return false;
  const message = await renderEmail(
    `${input.who} opened ${input.what}`,
    createElement(FirstOpenEmail, {
      who: input.who,
      what: input.what,
      via: input.via,
      url: `${appUrl()}${input.path}`,
    }),
  );
  await enqueueEmail(tx, { to: sharer.email, kind: "first-open", ...message });
  return true;
}

/**
 * Rule: the person who asked to hear of the first open is told only while they may still manage
 * the resource; someone who left the workspace or lost the role learns nothing more of it.
 */
async function stillManages(userId: string, target: SharedResource): Promise<boolean> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, username: true },
  });
  return Boolean(user) && allows(await getEffectiveRole(user!, target.resource), "manage");
}

async function loadTarget(type: AccessEvent["resourceType"], id: string): Promise<SharedResource | null> {
  return loadSharedResource(type, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
}

/**
 * Sends the first-open e-mail the sharer asked for. Rule: once per link or grant, ever: the
 * notice is claimed by setting firstOpenedAt where it is still null, in the same transaction as
 * the e-mail is queued (the outbox), so two instances racing on the first open send one e-mail.
 * A link counts when anyone but its creator opens it; a grant when its grantee (a person, or a
 * member of the workspace it names) opens the resource or anything under it.
 */
export async function noticeFirstOpen(
  actor: Actor,
  event: AccessEvent,
  accountId: string | null,
  now: Date,
): Promise<void> {
  const db = getDb();
  const linkId = actor.link?.id;
  const link = linkId
    ? await db.accessLink.findFirst({
        where: { id: linkId, notifyFirstOpen: true, firstOpenedAt: null },
        select: { id: true, label: true, prefix: true, createdById: true, resourceType: true, resourceId: true },
      })
    : null;
  const opener = link && link.createdById !== accountId ? link : null;
  const grants =
    accountId && !linkId
      ? await db.share.findMany({
          where: {
            notifyFirstOpen: true,
            firstOpenedAt: null,
            granteeKey: { in: await actorGranteeKeys(actor) },
            createdById: { not: accountId },
            AND: [liveGrantWhere(now), { OR: await targetsOf(event) }],
          },
          select: { id: true, createdById: true, resourceType: true, resourceId: true },
        })
      : [];
  if (!opener && grants.length === 0) return;

  const who = await whoOpened(actor);
  let queued = false;
  if (opener) {
    const target = await loadTarget(opener.resourceType, opener.resourceId);
    if (target && (await stillManages(opener.createdById, target))) {
      queued =
        (await db.$transaction(async (tx) => {
          const claimed = await tx.accessLink.updateMany({
            where: { id: opener.id, firstOpenedAt: null },
            data: { firstOpenedAt: now },
          });
          if (claimed.count !== 1) return false;
          return mailSharer(tx, opener.createdById, {
            who,
            what: target.label,
            via: `through your access link “${opener.label || opener.prefix}”`,
            path: insightsPath(target.workspace, "link", opener.id),
          });
        })) || queued;
    }
  }
  for (const grant of grants) {
    const target = await loadTarget(grant.resourceType, grant.resourceId);
    if (!target || !(await stillManages(grant.createdById, target))) continue;
    const subject = grant.resourceType === "workspace" ? null : grant.resourceType;
    queued =
      (await db.$transaction(async (tx) => {
        const claimed = await tx.share.updateMany({
          where: { id: grant.id, firstOpenedAt: null },
          data: { firstOpenedAt: now },
        });
        if (claimed.count !== 1) return false;
        return mailSharer(tx, grant.createdById, {
          who,
          what: target.label,
          via: "which you shared with them",
          path: subject ? insightsPath(target.workspace, subject, grant.resourceId) : target.path,
        });
      })) || queued;
  }
  if (queued) kickOutbox();
}

/** The grants that reach the opened resource: on it or on any container above it. */
async function targetsOf(event: AccessEvent) {
  const opened = await loadTarget(event.resourceType, event.resourceId);
  if (!opened) return [{ resourceType: event.resourceType, resourceId: event.resourceId }];
  return grantTargets(opened.resource);
}
