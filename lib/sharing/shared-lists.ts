import "server-only";
import { datasetColumnCounts, sliceWords } from "@/lib/scopes/grant-scope";
import type { Actor } from "@/lib/access";
import { actorGranteeKeys, userKey } from "@/lib/access/grantee-keys";
import { liveGrantWhere } from "@/lib/access/grants";
import { foldForSearch, searchWordsOf } from "@/lib/catalog/search-fold";
import { datasetSearchWhere } from "@/lib/catalog/search-text";
import { getDb } from "@/lib/db";
import { type ResourceType, granteeTypeSchema, resourceTypeSchema } from "./schemas";
import { loadSharedResources, type SharedResource } from "./shared-resource";

export type SharedItem = {
  shareId: string;
  resourceType: ResourceType;
  resourceId: string;
  name: string;
  path: string;
  workspace: SharedResource["workspace"];
  role: string;
  /** "you" for a grant to the user, or the receiving workspace's label */
  via: string;
  sharedBy: string;
  sharedAt: Date;
  expiresAt: Date | null;
  grantee: string;
  granteeType: string;
  pending: boolean;
  /** the sharer allowed the grantee to add this to one of their own workspaces */
  allowAddToWorkspace: boolean;
  /** a grant limited to a slice of a dataset, in words; null: the whole resource */
  slice: string | null;
};

/** The columns the lists show (not the note, nor the relation copies). */
const SHARE_COLUMNS = {
  id: true,
  resourceType: true,
  resourceId: true,
  role: true,
  granteeKey: true,
  granteeType: true,
  granteeUserId: true,
  granteeWorkspaceId: true,
  granteeEmail: true,
  createdById: true,
  createdAt: true,
  expiresAt: true,
  allowAddToWorkspace: true,
  scope: true,
  scopeBrokenAt: true,
} as const;

type ShareRow = Awaited<ReturnType<typeof listShares>>[number];

function listShares(
  where: NonNullable<Parameters<ReturnType<typeof getDb>["share"]["findMany"]>[0]>["where"],
  take: number,
) {
  return getDb().share.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: SHARE_COLUMNS,
  });
}

/** Names, paths and people for a page of grants: a few batched reads, however long the page. */
async function hydrate(shares: ShareRow[], viewerKey?: string): Promise<SharedItem[]> {
  const byType = new Map<ResourceType, string[]>();
  for (const s of shares) {
    const type = s.resourceType;
    const ids = byType.get(type);
    if (ids) ids.push(s.resourceId);
    else byType.set(type, [s.resourceId]);
  }
  const userIds = [...new Set(shares.flatMap((s) => [s.createdById, ...(s.granteeUserId ? [s.granteeUserId] : [])]))];
  const [loaded, userRows, workspaces, totals] = await Promise.all([
    Promise.all([...byType].map(async ([type, ids]) => [type, await loadSharedResources(type, ids)] as const)),
    getDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true, email: true } }),
    loadSharedResources(
      "workspace",
      shares.flatMap((s) => (s.granteeWorkspaceId ? [s.granteeWorkspaceId] : [])),
    ),
    datasetColumnCounts(shares.flatMap((s) => (s.scope !== null ? [s.resourceId] : []))),
  ]);
  const resources = new Map<string, SharedResource>();
  for (const [type, byId] of loaded) for (const [id, r] of byId) resources.set(`${type}:${id}`, r);
  const users = new Map(userRows.map((u) => [u.id, u.username ?? u.email]));
  return shares.flatMap((s) => {
    const r = resources.get(`${s.resourceType}:${s.resourceId}`);
    if (!r) return [];
    const ws = s.granteeWorkspaceId ? workspaces.get(s.granteeWorkspaceId) : undefined;
    const grantee = s.granteeUserId
      ? (users.get(s.granteeUserId) ?? "?")
      : ws
        ? `${ws.workspace.owner}/${ws.workspace.slug}`
        : (s.granteeEmail ?? "?");
    return [
      {
        shareId: s.id,
        resourceType: r.resource.type,
        resourceId: s.resourceId,
        name: r.name,
        path: r.path,
        workspace: r.workspace,
        role: s.role,
        via: s.granteeKey === viewerKey ? "you" : grantee,
        sharedBy: users.get(s.createdById) ?? "?",
        sharedAt: s.createdAt,
        expiresAt: s.expiresAt,
        grantee,
        granteeType: s.granteeType,
        pending: s.granteeType === "email",
        allowAddToWorkspace: s.allowAddToWorkspace,
        slice: sliceWords(s.scope, s.scopeBrokenAt, totals.get(s.resourceId)),
      },
    ];
  });
}

/** Everything shared with the actor or their workspaces (live grants only), newest first. */
export async function listSharedWithMe(actor: Actor, { take = 500 }: { take?: number } = {}): Promise<SharedItem[]> {
  return (await pageSharedWithMe(actor, take)).items;
}

/**
 * The newest `limit` grants shared with the actor or their workspaces, and whether there are
 * more (the Shared with me page shows a page and a "Show more" link, never a silently cut list).
 */
export async function pageSharedWithMe(
  actor: Actor,
  limit: number,
): Promise<{ items: SharedItem[]; hasMore: boolean }> {
  const shares = await listShares(
    { granteeKey: { in: await actorGranteeKeys(actor) }, AND: liveGrantWhere() },
    limit + 1,
  );
  return { items: await hydrate(shares.slice(0, limit), userKey(actor.id)), hasMore: shares.length > limit };
}

/**
 * Grants to the actor themselves that ended (their end date passed), most recently ended first:
 * Shared with me lists them so the person can ask for access again (lib/requests, source "grant").
 */
export async function listEndedGrants(actor: Actor, limit = 50): Promise<SharedItem[]> {
  const shares = await getDb().share.findMany({
    where: { granteeKey: userKey(actor.id), expiresAt: { lte: new Date() } },
    orderBy: [{ expiresAt: "desc" }, { id: "desc" }],
    take: limit,
    select: SHARE_COLUMNS,
  });
  return hydrate(shares, userKey(actor.id));
}

export type SharedByMeFilter = { resourceType?: string; granteeType?: string; q?: string };

/**
 * The search as a `where`: the resource's or the grantee's name contains the text. Datasets match
 * on their folded search text (accents and case ignored: "zurich" finds "Zürich"); the other names
 * on their lowercase copies (file names, usernames, e-mails the sharer typed, workspace URL names),
 * as typed or folded, so SQLite and PostgreSQL agree.
 */
function searchWhere(q: string) {
  const folded = foldForSearch(q);
  const variants = [...new Set([q.toLowerCase(), folded])];
  const anyOf = <T>(where: (contains: { contains: string }) => T) => variants.map((v) => where({ contains: v }));
  return {
    OR: [
      { dataset: { AND: datasetSearchWhere(searchWordsOf(q)) } },
      ...anyOf((contains) => ({ fileEntry: { nameLower: contains } })),
      ...anyOf((contains) => ({ resourceType: "workspace" as const, workspace: { slug: contains } })),
      // never a grantee account's e-mail: searching it letter by letter would reveal the address
      ...anyOf((contains) => ({ granteeUser: { username: contains } })),
      ...anyOf((contains) => ({ granteeEmail: contains })),
      ...anyOf((contains) => ({ granteeWorkspace: { slug: contains } })),
    ],
  };
}

/** Every grant in the workspaces the actor manages (owner or admin), newest first, optionally filtered. */
export async function listSharedByMe(
  actor: Actor,
  filter: SharedByMeFilter = {},
  { take = 500 } = {},
): Promise<SharedItem[]> {
  return (await pageSharedByMe(actor, filter, take)).items;
}

/**
 * The newest `limit` grants the actor manages that match the filter, and whether there are more.
 * Every filter, the search included, is part of the query: a search finds old grants too.
 */
export async function pageSharedByMe(
  actor: Actor,
  filter: SharedByMeFilter,
  limit: number,
): Promise<{ items: SharedItem[]; hasMore: boolean }> {
  const managed = await getDb().workspace.findMany({
    where: { OR: [{ ownerId: actor.id }, { members: { some: { userId: actor.id, role: "admin" } } }] },
    select: { id: true },
  });
  const q = filter.q?.trim();
  // The filters come from the URL as typed: a type no grant can have matches nothing, it is no error.
  const resourceType = filter.resourceType ? resourceTypeSchema.safeParse(filter.resourceType).data : undefined;
  const granteeType = filter.granteeType ? granteeTypeSchema.safeParse(filter.granteeType).data : undefined;
  if ((filter.resourceType && !resourceType) || (filter.granteeType && !granteeType))
    return { items: [], hasMore: false };
  const shares = await listShares(
    {
      workspaceId: { in: managed.map((w) => w.id) },
      ...(resourceType ? { resourceType } : {}),
      ...(granteeType ? { granteeType } : {}),
      ...(q ? searchWhere(q) : {}),
    },
    limit + 1,
  );
  return { items: await hydrate(shares.slice(0, limit)), hasMore: shares.length > limit };
}
