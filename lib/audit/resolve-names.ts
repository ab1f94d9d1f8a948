import "server-only";
import { ancestorIdsOf } from "@/lib/access/files";
import { datasetPath } from "@/lib/catalog/dataset-view";
import { getDb, type ResourceType } from "@/lib/db";
import type { AuditRecord } from "./describe-event";
import { type EventNames, emptyNames, resourceKey } from "./names";

/**
 * Which resources a viewer may see named: the whole workspace (its managers), or only one
 * resource and what lies inside it (a manager of that resource alone, in its share dialog).
 */
export type NameScope = { workspaceId: string; within?: { type: ResourceType; id: string } };

// SQLite binds at most 999 values per statement.
const SLICE = 500;

async function inSlices<T>(ids: Set<string>, find: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const all = [...ids];
  const found: T[] = [];
  for (let i = 0; i < all.length; i += SLICE) found.push(...(await find(all.slice(i, i + SLICE))));
  return found;
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function collect(events: AuditRecord[]) {
  const users = new Set<string>();
  const usernames = new Set<string>();
  const datasets = new Set<string>();
  const entries = new Set<string>();
  const links = new Set<string>();
  const granteeWorkspaces = new Set<string>();
  const add = (set: Set<string>, value: unknown) => {
    const id = str(value);
    if (id) set.add(id);
  };
  for (const e of events) {
    const d = e.details;
    add(users, e.actorId);
    add(users, d.userId);
    add(links, d.linkId);
    add(links, d.link);
    if (e.resourceType === "dataset") datasets.add(e.resourceId);
    if (e.resourceType === "file" || e.resourceType === "folder") {
      entries.add(e.resourceId);
      // moves name their folders by id (from, to); creation and restore name the parent
      for (const key of ["from", "to", "parentId"]) if (!e.action.endsWith(".renamed")) add(entries, d[key]);
    }
    add(usernames, d.username);
    const grantee = str(d.grantee);
    if (grantee && !/[:@/]/.test(grantee) && d.granteeType !== "workspace") usernames.add(grantee);
    if (grantee?.startsWith("user:")) users.add(grantee.slice(5));
    if (grantee?.startsWith("workspace:")) granteeWorkspaces.add(grantee.slice(10));
  }
  return { users, usernames, datasets, entries, links, granteeWorkspaces };
}

const encodePath = (names: string[]) => names.map(encodeURIComponent).join("/");

/**
 * Resolves the people, resources and links a batch of audit records mentions in a fixed number
 * of queries whatever the batch size (never one per record). Rule: a resource is named only
 * when it belongs to the scope's workspace and, for a scope `within` one resource, lies inside
 * it; anything else stays unnamed for the describer, like a deleted one.
 */
export async function resolveEventNames(events: AuditRecord[], scope: NameScope): Promise<EventNames> {
  const names = emptyNames();
  if (events.length === 0) return names;
  const wanted = collect(events);
  const db = getDb();
  const { workspaceId, within } = scope;
  const entryWithin =
    within && (within.type === "file" || within.type === "folder")
      ? { OR: [{ id: within.id }, { ancestry: { contains: `/${within.id}/` } }] }
      : {};
  const [workspace, users, byUsername, datasets, entries, links, granteeWorkspaces] = await Promise.all([
    db.workspace.findUnique({
      where: { id: workspaceId },
      select: { id: true, name: true, slug: true, owner: { select: { username: true } } },
    }),
    inSlices(wanted.users, (ids) =>
      db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, username: true, email: true } }),
    ),
    inSlices(wanted.usernames, (slice) =>
      db.user.findMany({ where: { username: { in: slice } }, select: { name: true, username: true, email: true } }),
    ),
    within && within.type !== "dataset" && within.type !== "workspace"
      ? []
      : inSlices(wanted.datasets, (ids) =>
          db.dataset.findMany({
            where: { id: { in: ids }, workspaceId, ...(within ? { id: within.id } : {}) },
            select: { id: true, name: true, slug: true },
          }),
        ),
    within?.type === "dataset"
      ? []
      : inSlices(wanted.entries, (ids) =>
          db.fileEntry.findMany({
            where: { id: { in: ids }, workspaceId, ...entryWithin },
            select: { id: true, kind: true, name: true, parentId: true, ancestry: true, trashedAt: true },
          }),
        ),
    inSlices(wanted.links, (ids) =>
      db.accessLink.findMany({
        where: { id: { in: ids }, workspaceId },
        select: { id: true, label: true, expiresAt: true },
      }),
    ),
    inSlices(wanted.granteeWorkspaces, (ids) =>
      db.workspace.findMany({
        where: { id: { in: ids } },
        select: { id: true, slug: true, owner: { select: { username: true } } },
      }),
    ),
  ]);

  for (const u of users) names.users.set(u.id, { name: u.name || u.username || u.email, username: u.username });
  for (const u of byUsername)
    if (u.username) names.usernames.set(u.username, { name: u.name || u.username, username: u.username });
  for (const l of links) names.links.set(l.id, { label: l.label, expiresAt: l.expiresAt });
  for (const w of granteeWorkspaces) names.granteeWorkspaces.set(w.id, `${w.owner.username ?? "?"}/${w.slug}`);
  if (!workspace) return names;

  const base = `/w/${encodeURIComponent(workspace.owner.username ?? "")}/${encodeURIComponent(workspace.slug)}`;
  if (!within || within.type === "workspace")
    names.resources.set(resourceKey("workspace", workspace.id), { name: workspace.name, href: base });
  for (const d of datasets)
    names.resources.set(resourceKey("dataset", d.id), {
      name: d.name,
      href: datasetPath(workspace.owner.username ?? "", workspace.slug, d.slug),
    });

  // Folder paths for links: the names of every ancestor, in one more query.
  const ancestorIds = new Set(entries.flatMap((e) => ancestorIdsOf(e.ancestry).slice(1)));
  const ancestors = await inSlices(ancestorIds, (ids) =>
    db.fileEntry.findMany({ where: { id: { in: ids }, workspaceId }, select: { id: true, name: true } }),
  );
  const folderNames = new Map(ancestors.map((a) => [a.id, a.name]));
  const files = `${base}/files`;
  for (const e of entries) {
    const path = ancestorIdsOf(e.ancestry)
      .slice(1)
      .map((id) => folderNames.get(id) ?? "");
    const root = e.parentId === null;
    const name = root ? "the top folder" : e.name;
    let href: string;
    if (e.trashedAt) href = `${files}?view=trash`;
    else if (e.kind === "folder") href = root ? files : `${files}/${encodePath([...path, e.name])}`;
    else href = `${files}${path.length ? `/${encodePath(path)}` : ""}?file=${encodeURIComponent(e.id)}`;
    names.resources.set(resourceKey(e.kind, e.id), { name, href, trashed: Boolean(e.trashedAt) });
  }
  return names;
}
