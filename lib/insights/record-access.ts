import "server-only";
import { createHash } from "node:crypto";
import { type Actor, accountIdOf } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type JsonObjectInput, type ResourceType } from "@/lib/db";
import { noteValidUntil } from "@/lib/page-cache/render-context";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { type AccessAction, accessKindOf } from "./access-actions";
import { noticeFirstOpen } from "./first-open";

/** One view or download is recorded per actor, resource (and download variant) and window. */
export const ACCESS_WINDOW_MS = 60 * 60 * 1000;

export type AccessEvent = {
  workspaceId: string;
  action: AccessAction;
  resourceType: ResourceType;
  resourceId: string;
  details?: JsonObjectInput;
  /** downloads: what was downloaded (format, version, filter), so a CSV and a Parquet export both count */
  variant?: string;
};

/** Keys recorded lately by this process, with when their window ends: repeats skip the database. */
const recent = new Map<string, number>();
const RECENT_LIMIT = 10_000;

function remember(key: string, until: number, now: number) {
  if (recent.size >= RECENT_LIMIT) {
    for (const [k, end] of recent) if (end <= now || recent.size >= RECENT_LIMIT) recent.delete(k);
  }
  recent.set(key, until);
}

/** Who acted, for bounding: the account, or the link and the visitor's key; through a link, per link. */
function actorKey(actor: Actor): string {
  if (actor.kind === "link") return `link:${actor.link.id}:${actor.link.visitor ?? "anonymous"}`;
  return actor.link ? `user:${actor.id}:link:${actor.link.id}` : `user:${actor.id}`;
}

/**
 * Records that `actor` viewed or downloaded a resource, for the audit trail and insights. Rule:
 * at most one event per actor (a user, or a link visitor by their keyed visitor id), resource,
 * kind (view or download; downloads also per variant) and hour window, so reading a page or
 * seeking in a video never writes a row per request. The window's key is unique in the database,
 * so several server instances still record it once; this process also remembers recent keys and
 * skips the database for repeats. A newly recorded event may send the sharer's first-open e-mail.
 */
export async function recordAccess(actor: Actor, event: AccessEvent, now = new Date()): Promise<boolean> {
  const kind = accessKindOf(event.action)!;
  const window = Math.floor(now.getTime() / ACCESS_WINDOW_MS);
  const variant =
    kind === "download" && event.variant
      ? `:${createHash("sha256").update(event.variant).digest("hex").slice(0, 16)}`
      : "";
  const dedupKey = `${kind}:${actorKey(actor)}:${event.resourceType}:${event.resourceId}${variant}:${window}`;
  const until = (window + 1) * ACCESS_WINDOW_MS;
  // A page kept by the server (lib/page-cache) is not served past this window: the next one records again.
  noteValidUntil(until);
  if ((recent.get(dedupKey) ?? 0) > now.getTime()) return false;
  const visitor = actor.kind === "link" && actor.link.visitor ? { visitor: actor.link.visitor } : {};
  try {
    await getDb().$transaction((tx) =>
      recordAudit(tx, {
        workspaceId: event.workspaceId,
        actor,
        action: event.action,
        resourceType: event.resourceType,
        resourceId: event.resourceId,
        details: { ...event.details, ...visitor },
        dedupKey,
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    remember(dedupKey, until, now.getTime());
    return false;
  }
  remember(dedupKey, until, now.getTime());
  await noticeFirstOpen(actor, event, accountIdOf(actor), now);
  return true;
}

/** Forgets the keys this process remembers (tests that replay a window from a fresh database). */
export function forgetRecentAccess(): void {
  recent.clear();
}
