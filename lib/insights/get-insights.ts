import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import { getDb, type ResourceType } from "@/lib/db";
import { loadSharedResource, type SharedResource } from "@/lib/sharing/shared-resource";
import { pickDisplayName } from "@/lib/users/display-name";
import { notFound } from "@/lib/util/errors";
import { type AccessKind, DOWNLOAD_ACTIONS, VIEW_ACTIONS, accessKindOf } from "./access-actions";
import { type DayCount, INSIGHT_DAYS, dailySeries, windowStart } from "./daily-series";
import type { InsightSubject } from "./paths";

/** Most events one insights page reads (the window's events are bounded per actor and hour; this caps the rest). */
export const INSIGHT_EVENT_LIMIT = 20_000;
/** Events listed one by one, newest first. */
export const INSIGHT_LIST_LIMIT = 200;

export type InsightPerson = {
  key: string;
  kind: "user" | "visitor" | "unknown";
  label: string;
  views: number;
  downloads: number;
  lastAt: string;
};

export type InsightEvent = {
  at: string;
  kind: AccessKind;
  action: string;
  who: { key: string; kind: InsightPerson["kind"]; label: string };
  what: { type: ResourceType; id: string; name: string };
  via: { linkId: string; label: string } | null;
};

export type InsightLink = {
  id: string;
  label: string;
  mode: string;
  expiresAt: string;
  revokedAt: string | null;
  notifyFirstOpen: boolean;
  firstOpenedAt: string | null;
};

export type InsightGrant = {
  id: string;
  grantee: string;
  role: string;
  notifyFirstOpen: boolean;
  firstOpenedAt: string | null;
};

export type Insights = {
  subject: {
    kind: InsightSubject;
    id: string;
    name: string;
    /** the resource itself (for a link: what it points to) */
    resource: { type: ResourceType; id: string; name: string; path: string };
    workspace: { id: string; owner: string; slug: string; name: string };
  };
  from: string;
  to: string;
  days: DayCount[];
  totals: { views: number; downloads: number; people: number };
  people: InsightPerson[];
  events: InsightEvent[];
  /** more events happened in the window than were read: counts are a lower bound */
  truncated: boolean;
  link: InsightLink | null;
  /** direct grants on the resource (not for links), with their first-open e-mail setting */
  grants: InsightGrant[];
};

const ACCESS_ACTIONS = [...VIEW_ACTIONS, ...DOWNLOAD_ACTIONS];

type Row = {
  createdAt: Date;
  action: string;
  actorId: string | null;
  linkId: string | null;
  resourceType: ResourceType;
  resourceId: string;
  details: unknown;
};

const ROW_SELECT = {
  createdAt: true,
  action: true,
  actorId: true,
  linkId: true,
  resourceType: true,
  resourceId: true,
  details: true,
} as const;

const detail = (row: Row, key: string): string | undefined => {
  const d = row.details;
  const value = d && typeof d === "object" ? (d as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
};

/**
 * Who viewed and downloaded a resource (a dataset, a file, or a folder with everything in it) or
 * what came through an access link, over the last INSIGHT_DAYS days. Rule: only the managers of
 * the resource's workspace see insights (assertCan "manage": 404 to whoever cannot read it, 403 to
 * readers); link visitors appear only by their link and keyed visitor id, never by address.
 */
export async function getInsights(
  actor: Actor,
  subject: InsightSubject,
  id: string,
  now = new Date(),
): Promise<Insights> {
  const db = getDb();
  const since = windowStart(now);
  const window = { createdAt: { gte: since }, action: { in: ACCESS_ACTIONS } };
  let target: SharedResource;
  let link: InsightLink | null = null;
  let rows: Row[];
  let grants: InsightGrant[] = [];

  if (subject === "link") {
    const row = await db.accessLink.findUnique({ where: { id } });
    if (!row) throw notFound("Access link not found");
    target = await loadSharedResource(row.resourceType, row.resourceId);
    await assertCan(actor, "manage", target.resource);
    link = {
      id: row.id,
      label: row.label || `link ${row.prefix}`,
      mode: row.mode,
      expiresAt: row.expiresAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      notifyFirstOpen: row.notifyFirstOpen,
      firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    };
    rows = await db.auditEvent.findMany({
      where: { linkId: id, ...window },
      select: ROW_SELECT,
      orderBy: { createdAt: "desc" },
      take: INSIGHT_EVENT_LIMIT + 1,
    });
  } else {
    target = await loadSharedResource(subject, id);
    await assertCan(actor, "manage", target.resource);
    rows = subject === "folder" ? await folderRows(target, window) : await resourceRows(subject, id, window);
    grants = await directGrants(subject, id);
  }

  const truncated = rows.length > INSIGHT_EVENT_LIMIT;
  if (truncated) rows = rows.slice(0, INSIGHT_EVENT_LIMIT);
  const names = await namesOf(rows, target);
  const events = rows.map((row) => toEvent(row, names));
  const people = summarise(events);
  const series = dailySeries(
    events.map((e) => ({ at: new Date(e.at), kind: e.kind })),
    now,
  );
  return {
    subject: {
      kind: subject,
      id,
      name: link ? link.label : target.name,
      resource: { type: target.resource.type, id: target.resource.id, name: target.name, path: target.path },
      workspace: {
        id: target.workspace.id,
        owner: target.workspace.owner,
        slug: target.workspace.slug,
        name: target.workspace.name,
      },
    },
    from: since.toISOString(),
    to: now.toISOString(),
    days: series,
    totals: {
      views: series.reduce((n, d) => n + d.views, 0),
      downloads: series.reduce((n, d) => n + d.downloads, 0),
      people: people.length,
    },
    people,
    events: events.slice(0, INSIGHT_LIST_LIMIT),
    truncated,
    link,
    grants,
  };
}

type Window = { createdAt: { gte: Date }; action: { in: string[] } };

function resourceRows(type: ResourceType, id: string, window: Window): Promise<Row[]> {
  return getDb().auditEvent.findMany({
    where: { resourceType: type, resourceId: id, ...window },
    select: ROW_SELECT,
    orderBy: { createdAt: "desc" },
    take: INSIGHT_EVENT_LIMIT + 1,
  });
}

/** A folder's events and those of everything inside it (trashed entries included: they were seen). */
async function folderRows(folder: SharedResource, window: Window): Promise<Row[]> {
  const db = getDb();
  const self = await db.fileEntry.findUniqueOrThrow({
    where: { id: folder.resource.id },
    select: { id: true, ancestry: true },
  });
  const inside = await db.fileEntry.findMany({
    where: { workspaceId: folder.workspace.id, ancestry: { startsWith: childAncestryOf(self) } },
    select: { id: true },
  });
  const ids = [self.id, ...inside.map((e) => e.id)];
  // The events of these entries only, newest first, a bounded number per batch of ids (bound
  // parameters stay well under the databases' limits): never the whole workspace's events.
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += FOLDER_ID_BATCH) {
    rows.push(
      ...(await db.auditEvent.findMany({
        where: {
          workspaceId: folder.workspace.id,
          resourceType: { in: ["file", "folder"] },
          resourceId: { in: ids.slice(i, i + FOLDER_ID_BATCH) },
          ...window,
        },
        select: ROW_SELECT,
        orderBy: { createdAt: "desc" },
        take: INSIGHT_EVENT_LIMIT + 1,
      })),
    );
  }
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, INSIGHT_EVENT_LIMIT + 1);
}

const FOLDER_ID_BATCH = 5_000;

async function directGrants(type: ResourceType, id: string): Promise<InsightGrant[]> {
  const shares = await getDb().share.findMany({
    where: { resourceType: type, resourceId: id },
    select: {
      id: true,
      role: true,
      granteeEmail: true,
      notifyFirstOpen: true,
      firstOpenedAt: true,
      granteeUser: { select: { name: true, username: true, email: true } },
      granteeWorkspace: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return shares.map((s) => ({
    id: s.id,
    grantee: s.granteeUser
      ? pickDisplayName(s.granteeUser)
      : s.granteeWorkspace
        ? `everyone in ${s.granteeWorkspace.name}`
        : (s.granteeEmail ?? "someone"),
    role: s.role,
    notifyFirstOpen: s.notifyFirstOpen,
    firstOpenedAt: s.firstOpenedAt?.toISOString() ?? null,
  }));
}

type Names = {
  users: Map<string, string>;
  links: Map<string, string>;
  resources: Map<string, string>;
};

async function namesOf(rows: Row[], target: SharedResource): Promise<Names> {
  const db = getDb();
  const userIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const linkIds = [...new Set(rows.flatMap((r) => (r.linkId ? [r.linkId] : [])))];
  const entryIds = [...new Set(rows.filter((r) => r.resourceType !== "dataset").map((r) => r.resourceId))];
  const [users, links, entries] = await Promise.all([
    userIds.length
      ? db.user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, name: true, username: true, email: true },
        })
      : [],
    linkIds.length
      ? db.accessLink.findMany({ where: { id: { in: linkIds } }, select: { id: true, label: true, prefix: true } })
      : [],
    entryIds.length ? db.fileEntry.findMany({ where: { id: { in: entryIds } }, select: { id: true, name: true } }) : [],
  ]);
  const resources = new Map(entries.map((e) => [e.id, e.name || target.workspace.name]));
  resources.set(target.resource.id, target.name);
  return {
    users: new Map(
      users.map((u) => {
        const name = pickDisplayName(u);
        return [u.id, u.username && name !== u.username ? `${name} (${u.username})` : name];
      }),
    ),
    links: new Map(links.map((l) => [l.id, l.label || `link ${l.prefix}`])),
    resources,
  };
}

function toEvent(row: Row, names: Names): InsightEvent {
  const linkLabel = row.linkId ? (names.links.get(row.linkId) ?? "a deleted link") : null;
  const visitor = detail(row, "visitor");
  let who: InsightEvent["who"];
  if (row.actorId) {
    who = { key: `user:${row.actorId}`, kind: "user", label: names.users.get(row.actorId) ?? "a deleted account" };
  } else if (row.linkId) {
    who = {
      key: `visitor:${row.linkId}:${visitor ?? ""}`,
      kind: "visitor",
      label: `${visitor ? `Visitor ${visitor.slice(0, 6)}` : "A visitor"} via link “${linkLabel}”`,
    };
  } else {
    who = { key: "unknown", kind: "unknown", label: "Someone" };
  }
  return {
    at: row.createdAt.toISOString(),
    kind: accessKindOf(row.action) ?? "view",
    action: row.action,
    who,
    what: {
      type: row.resourceType,
      id: row.resourceId,
      name: names.resources.get(row.resourceId) ?? detail(row, "name") ?? detail(row, "slug") ?? "a deleted item",
    },
    via: row.linkId ? { linkId: row.linkId, label: linkLabel! } : null,
  };
}

/** One line per person or visitor: their views and downloads and when they were last seen, latest first. */
function summarise(events: InsightEvent[]): InsightPerson[] {
  const people = new Map<string, InsightPerson>();
  for (const e of events) {
    const person = people.get(e.who.key) ?? { ...e.who, views: 0, downloads: 0, lastAt: e.at };
    if (e.kind === "view") person.views++;
    else person.downloads++;
    if (e.at > person.lastAt) person.lastAt = e.at;
    people.set(e.who.key, person);
  }
  return [...people.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

export { INSIGHT_DAYS };
