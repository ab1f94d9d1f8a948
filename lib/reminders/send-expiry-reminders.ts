import "server-only";
import { createElement } from "react";
import { type Actor, allows, getEffectiveRole } from "@/lib/access";
import { getDb, type ResourceType } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { renderEmail } from "@/lib/email/render";
import {
  ExpiryReminderEmail,
  expiryReminderSubject,
  type ExpiryReminderProps,
} from "@/lib/email/templates/expiry-reminder";
import type { JobScope } from "@/lib/jobs/registry";
import { sendOnce } from "@/lib/jobs/send-once";
import { loadSharedResources, type SharedResource } from "@/lib/sharing/shared-resource";
import { pickDisplayName } from "@/lib/users/display-name";
import { DAY_MS, reminderDays } from "./config";
import { granteeContacts } from "./grantee-contacts";

const JOB = "expiry-reminders";

/**
 * The key of one reminder. It names the end date it warns about: a reminder is sent once per
 * grant or link, recipient and end date, so running the job again sends nothing, while moving
 * the end date (extending access) re-arms it for the new date.
 */
export const reminderKey = (kind: "share" | "link", id: string, to: string, endsAt: Date) =>
  `expiry:${kind}:${id}:${to.toLowerCase()}:${endsAt.toISOString()}`;

async function resourcesOf(items: { resourceType: ResourceType; resourceId: string }[]) {
  const byType = new Map<ResourceType, string[]>();
  for (const { resourceType, resourceId } of items)
    byType.set(resourceType, [...(byType.get(resourceType) ?? []), resourceId]);
  const out = new Map<string, SharedResource>();
  for (const [type, ids] of byType)
    for (const [id, resource] of await loadSharedResources(type, ids)) out.set(`${type}:${id}`, resource);
  return out;
}

async function people(ids: string[]) {
  const users = await getDb().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, email: true, name: true, username: true },
  });
  return new Map(
    users.map((u) => [
      u.id,
      { email: u.email, name: pickDisplayName(u), actor: { id: u.id, email: u.email, username: u.username } },
    ]),
  );
}

/**
 * Rule: the sharer or link maker hears about an ending grant or link only while they may still
 * manage the resource; someone who left the workspace or lost the role learns nothing more of it.
 */
async function stillManages(person: { actor: Actor } | undefined, resource: SharedResource): Promise<boolean> {
  return Boolean(person) && allows(await getEffectiveRole(person!.actor, resource.resource), "manage");
}

async function send(
  kind: "share" | "link",
  id: string,
  to: string,
  props: ExpiryReminderProps,
  audit: { workspaceId: string; resourceType: ResourceType; resourceId: string; details: Record<string, string> },
): Promise<boolean> {
  return sendOnce(
    JOB,
    reminderKey(kind, id, to, props.endsAt),
    async () => ({
      to,
      kind: "expiry-reminder",
      ...(await renderEmail(expiryReminderSubject(props), createElement(ExpiryReminderEmail, props))),
    }),
    {
      workspaceId: audit.workspaceId,
      action: kind === "share" ? "share.expiry_reminder_sent" : "link.expiry_reminder_sent",
      resourceType: audit.resourceType,
      resourceId: audit.resourceId,
      details: { ...audit.details, expiresAt: props.endsAt.toISOString(), audience: props.audience },
    },
  );
}

/**
 * Reminds people ACCESS_REMINDER_DAYS before access ends: for a grant, the grantee (a person, an
 * invited address, or the owner of a grantee workspace) and the sharer; for an access link, the
 * person who made it. Grants a grantee added to their own workspace are left out (they end with,
 * and are covered by, the grant they came from). Each reminder goes once (see reminderKey).
 */
export async function sendExpiryReminders(now: Date, scope: JobScope = {}): Promise<{ sent: number }> {
  const days = reminderDays();
  if (days === 0) return { sent: 0 };
  const db = getDb();
  const window = { gt: now, lte: new Date(now.getTime() + days * DAY_MS) };
  const inScope = scope.workspaceId ? { workspaceId: scope.workspaceId } : {};
  const [shares, links] = await Promise.all([
    db.share.findMany({ where: { ...inScope, expiresAt: window, sourceShareId: null }, orderBy: { expiresAt: "asc" } }),
    db.accessLink.findMany({
      where: { ...inScope, expiresAt: window, revokedAt: null },
      orderBy: { expiresAt: "asc" },
    }),
  ]);
  const [resources, users, grantees] = await Promise.all([
    resourcesOf([...shares, ...links]),
    people([...shares, ...links].map((s) => s.createdById)),
    granteeContacts(shares),
  ]);
  let sent = 0;
  for (const share of shares) {
    const resource = resources.get(`${share.resourceType}:${share.resourceId}`);
    const grantee = grantees.get(share.id);
    const sharer = users.get(share.createdById);
    if (!resource || !share.expiresAt) continue;
    const url = `${appUrl()}${resource.path}`;
    const audit = {
      workspaceId: share.workspaceId,
      resourceType: share.resourceType,
      resourceId: share.resourceId,
      details: { grantee: share.granteeKey, granteeType: share.granteeType },
    };
    const base = { what: resource.label, endsAt: share.expiresAt, url };
    if (grantee?.email) {
      const props = { ...base, audience: "grantee" as const, who: sharer?.name ?? "The person who shared it" };
      if (await send("share", share.id, grantee.email, props, audit)) sent++;
    }
    if (
      sharer &&
      sharer.email.toLowerCase() !== grantee?.email?.toLowerCase() &&
      (await stillManages(sharer, resource))
    ) {
      const props = { ...base, audience: "sharer" as const, who: grantee?.name ?? "the grantee" };
      if (await send("share", share.id, sharer.email, props, audit)) sent++;
    }
  }
  for (const link of links) {
    const resource = resources.get(`${link.resourceType}:${link.resourceId}`);
    const maker = users.get(link.createdById);
    if (!resource || !maker || !(await stillManages(maker, resource))) continue;
    const props = {
      audience: "link" as const,
      what: resource.label,
      who: link.label ? `“${link.label}”` : `${link.prefix}…`,
      endsAt: link.expiresAt,
      url: `${appUrl()}${resource.path}`,
    };
    const audit = {
      workspaceId: link.workspaceId,
      resourceType: link.resourceType,
      resourceId: link.resourceId,
      details: { linkId: link.id, prefix: link.prefix },
    };
    if (await send("link", link.id, maker.email, props, audit)) sent++;
  }
  return { sent };
}
