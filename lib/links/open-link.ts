import "server-only";
import { parseStoredScope } from "@/lib/scopes";
import bcrypt from "bcryptjs";
import { type Actor, type LinkScope, linkActor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type ResourceType } from "@/lib/db";
import { recordAccess } from "@/lib/insights/record-access";
import { noteValidUntil } from "@/lib/page-cache/render-context";
import { visitKey, visitorKey } from "@/lib/insights/visitor-key";
import { loadSharedResource, type SharedResource } from "@/lib/sharing/shared-resource";
import { numberSetting } from "@/lib/config/number-settings";
import {
  checkThrottle,
  countFailure,
  failureCount,
  failureDelayMs,
  recordFailure,
  sleep,
} from "@/lib/throttle/throttle";
import { AppError } from "@/lib/util/errors";
import { hashToken } from "@/lib/util/tokens";
import { LAST_USED_STEP_MS, lastUseDue } from "@/lib/util/last-used";
import { isUnlocked, unlockCookieName, unlockValue } from "./unlock-cookie";

export type OpenedLink = { scope: LinkScope; target: SharedResource; actor: Actor; expiresAt: Date; mode: string };

export type OpenResult =
  | { status: "ok"; link: OpenedLink; unlock?: { name: string; value: string; expires: Date } }
  | { status: "password"; linkId: string; wrong: boolean }
  | { status: "sign-in" }
  | { status: "unavailable" }
  | { status: "throttled"; retryAfterSeconds: number };

export type OpenOptions = {
  /** the client's address (throttling key) */
  client: string;
  viewer: Actor | null;
  password?: string;
  cookies: (name: string) => string | undefined;
  now?: Date;
};

const throttleKey = (client: string) => `link:${client}`;
const passwordKey = (linkId: string) => `link-password:${linkId}`;

/** Wrong passwords a link takes in 30 minutes (from all clients together) before every attempt on it is slowed. */
export const LINK_PASSWORD_FREE_FAILURES = () => numberSetting("LINK_PASSWORD_FREE_FAILURES");

/**
 * Slows every password attempt on a link that many clients have guessed at: the per-client
 * throttle cannot see guesses spread over many addresses, so the link itself counts wrong
 * passwords and, past LINK_PASSWORD_FREE_FAILURES, each attempt (right or wrong, so the delay
 * says nothing) waits before the password is compared.
 */
async function slowDownGuessedLink(linkId: string, now: Date): Promise<void> {
  const excess = (await failureCount(passwordKey(linkId), now)) - LINK_PASSWORD_FREE_FAILURES();
  if (excess >= 0) await sleep(failureDelayMs(excess + 1));
}

/** Whether this client has used up its failed link attempts (same key as openAccessLink counts). */
export function linkThrottleState(client: string, now = new Date()) {
  return checkThrottle(throttleKey(client), now);
}

async function fail(client: string): Promise<void> {
  await sleep(await recordFailure(throttleKey(client)));
}

/**
 * Opens an access link for one request. Rules: unknown, revoked, expired and not-yet-valid
 * links are the same "unavailable" answer after the same work (a failure counted and the same
 * delay), so neither content nor timing says which; password and token guesses are throttled
 * per client address (lib/http/client-address.ts: the socket's, never a client-set header), and
 * wrong passwords are also counted per link, slowing guesses spread over many addresses; a link
 * only ever yields a read-only actor scoped to its resource.
 */
export async function openAccessLink(token: string, options: OpenOptions): Promise<OpenResult> {
  const now = options.now ?? new Date();
  const throttle = await checkThrottle(throttleKey(options.client), now);
  if (throttle.blocked) return { status: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };

  const db = getDb();
  const link = await db.accessLink.findUnique({ where: { tokenHash: hashToken(token) } });
  const usable = link && !link.revokedAt && link.expiresAt > now && (!link.startsAt || link.startsAt <= now);
  // Only a resource that is gone makes the link unavailable; a failing database propagates (503),
  // so a visitor is never told a live link was revoked, nor charged a failure for it.
  const target = usable
    ? await loadSharedResource(link.resourceType, link.resourceId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "not_found") return null;
        throw error;
      })
    : null;
  if (!link || !usable || !target) {
    await fail(options.client);
    if (link) await audit(link, "link.denied", { reason: "unavailable" });
    return { status: "unavailable" };
  }
  if (link.mode === "authenticated" && !options.viewer) return { status: "sign-in" };

  let unlock: { name: string; value: string; expires: Date } | undefined;
  if (link.passwordHash) {
    const cookieName = unlockCookieName(link.id);
    if (!isUnlocked(link.id, link.passwordHash, options.cookies(cookieName))) {
      if (options.password === undefined) return { status: "password", linkId: link.id, wrong: false };
      await slowDownGuessedLink(link.id, now);
      if (!(await bcrypt.compare(options.password, link.passwordHash))) {
        await countFailure(passwordKey(link.id), now);
        await fail(options.client);
        await audit(link, "link.denied", { reason: "wrong password" });
        return { status: "password", linkId: link.id, wrong: true };
      }
      unlock = { name: cookieName, value: unlockValue(link.id, link.passwordHash), expires: link.expiresAt };
    }
  }

  const scope: LinkScope = {
    id: link.id,
    resourceType: link.resourceType,
    resourceId: link.resourceId,
    workspaceId: link.workspaceId,
    allowDownload: link.allowDownload,
    purpose: link.purpose,
    ...(options.viewer ? {} : { visitor: visitorKey(link.id, options.client) }),
    // A slice a new version broke serves nothing (lib/access), never the whole dataset.
    scope: link.scopeBrokenAt ? "broken" : parseStoredScope(link.scope),
  };
  const actor = linkActor(scope, options.viewer);
  await recordUse(link, options.viewer?.id ?? options.client, now);
  await recordAccess(
    actor,
    {
      workspaceId: link.workspaceId,
      action: "link.used",
      resourceType: link.resourceType,
      resourceId: link.resourceId,
      details: { prefix: link.prefix },
    },
    now,
  );
  return {
    status: "ok",
    unlock,
    link: { scope, target, actor, expiresAt: link.expiresAt, mode: link.mode },
  };
}

type LinkRow = { id: string; workspaceId: string; resourceType: ResourceType; resourceId: string; prefix: string };

async function audit(link: LinkRow, action: string, details: Record<string, unknown> = {}) {
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      workspaceId: link.workspaceId,
      actorId: null,
      action,
      resourceType: link.resourceType,
      resourceId: link.resourceId,
      details: { linkId: link.id, prefix: link.prefix, ...details },
    }),
  );
}

const DAY_MS = 86_400_000;

/**
 * First use per visitor per day goes to the use count and "last used"; a later view by that visitor that day moves
 * "last used" only once it is LAST_USED_STEP_MS old. So a visitor reading a link's pages and grid writes nothing per
 * request: the visit is read, not written again. Two first views at once count once (the insert of the visit's row
 * decides). The audit trail's "link.used" (a view, for insights) is bounded per visitor and hour by recordAccess.
 */
async function recordUse(link: LinkRow & { lastUsedAt: Date | null }, visitor: string, now: Date) {
  const db = getDb();
  const visit = { linkId: link.id, visitorKey: visitKey(link.id, visitor), day: now.toISOString().slice(0, 10) };
  const seen = await db.accessLinkVisit.findUnique({ where: { linkId_visitorKey_day: visit }, select: { day: true } });
  // A page kept by the server (lib/page-cache) is not served once this visitor's next record is due: the next day's
  // visit, or "last used" going stale. A record written now moves the data version, so such a page is not kept.
  noteValidUntil(
    Math.min(Date.parse(`${visit.day}T00:00:00Z`) + DAY_MS, (link.lastUsedAt ?? now).getTime() + LAST_USED_STEP_MS),
  );
  const first =
    !seen &&
    (await db.$executeRaw`INSERT INTO "AccessLinkVisit" ("linkId", "visitorKey", "day")
VALUES (${visit.linkId}, ${visit.visitorKey}, ${visit.day}) ON CONFLICT DO NOTHING`) === 1;
  if (first) {
    await db.accessLink.update({ where: { id: link.id }, data: { lastUsedAt: now, useCount: { increment: 1 } } });
  } else if (lastUseDue(link.lastUsedAt, now.getTime())) {
    await db.accessLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  }
}

/** Records a download through a link in the audit trail. */
export async function recordLinkDownload(
  scope: LinkScope,
  resourceType: ResourceType,
  resourceId: string,
  name: string,
) {
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: null,
      action: "link.download",
      resourceType,
      resourceId,
      details: { linkId: scope.id, name },
    }),
  );
}
