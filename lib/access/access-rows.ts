import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Actor } from "./actor";
import { userKey } from "./grantee-keys";
import { grantTargets } from "./grants";
import type { Resource } from "./resources";

/** A membership of the actor in one of the resources' workspaces. */
export type MembershipRow = { workspaceId: string; role: string };

/** A live grant to the actor (or a workspace they belong to) on a grant target of the resources. */
export type GrantRow = {
  resourceType: string;
  resourceId: string;
  role: string;
  scope: string | null;
  createdAt: Date;
};

const { join, sql } = Prisma;

/** What accessRows reads. */
export type AccessRows = { memberships: MembershipRow[]; grants: GrantRow[] };

type Row = {
  kind: string;
  resourceType: string | null;
  resourceId: string;
  role: string;
  scope: string | null;
  createdAt: Date | string | null;
};

/**
 * At most this many target and workspace ids per statement (each is bound twice or once): far
 * below SQLite's 32,766 and PostgreSQL's 65,535 bound values. Bulk operations take 1,000 entries.
 */
const MAX_IDS = 5_000;

/** The resources' workspaces, and their grant targets: types and ids. */
function targetsOf(resources: Resource[]): { workspaceIds: Set<string>; types: Set<string>; ids: Set<string> } {
  const workspaceIds = new Set<string>();
  const types = new Set<string>();
  const ids = new Set<string>();
  for (const r of resources) {
    workspaceIds.add(r.workspaceId);
    for (const t of grantTargets(r)) {
      types.add(t.resourceType);
      ids.add(t.resourceId);
    }
  }
  return { workspaceIds, types, ids };
}

/**
 * Rule: everything an access check needs to know about the actor, read fresh in one statement
 * (no cache across requests or checks: a removed member, a revoked or expired grant and a left
 * workspace hold on the very next check):
 *
 * - the actor's memberships in the resources' workspaces (with their role);
 * - the live grants on any grant target of the resources (the resource or a container above it)
 *   that stand for the actor: to the user (`user:<id>`), or to a workspace they own or are a
 *   member of (`workspace:<id>`; grantsToActorWhere's rule). Pending e-mail grants never count.
 *   A scoped grant a new version broke (`scopeBrokenAt`) is left out: it serves nothing.
 *
 * One parameterised statement (plain SQL, the same on SQLite and PostgreSQL), every part an
 * index search: memberships by (workspace, user), grants by the unique (target, grantee key),
 * the actor's workspaces by membership user and workspace owner. Before, the same answer took
 * three Prisma queries in two round trips, and Prisma's own work per query (arguments, plan,
 * result mapping, the garbage they leave) was most of the check's time.
 */
export async function accessRows(actor: Actor, resources: Resource[]): Promise<AccessRows> {
  const { workspaceIds, types, ids } = targetsOf(resources);
  if (ids.size + workspaceIds.size > MAX_IDS && resources.length > 1) {
    // Too many ids for one statement: each half is read on its own (the rows of both together are the same).
    const half = Math.ceil(resources.length / 2);
    const [a, b] = await Promise.all([
      accessRows(actor, resources.slice(0, half)),
      accessRows(actor, resources.slice(half)),
    ]);
    return { memberships: [...a.memberships, ...b.memberships], grants: [...a.grants, ...b.grants] };
  }
  // The targets as types × ids, which the unique index on (type, id, grantee key) answers with
  // one search per combination and key (SQLite plans an OR of per-type id lists, with the keys
  // from a subquery, as a read of every grant on the targets: 20,000 pending invitations on a
  // folder chain). A combination that is no target (a folder's id under "workspace") can only
  // bring grants the caller never looks up: it reads grants by target.
  const targets = sql`"resourceType" IN (${join([...types])}) AND "resourceId" IN (${join([...ids])})`;
  const live = sql`("expiresAt" IS NULL OR "expiresAt" > ${new Date()}) AND ("scope" IS NULL OR "scopeBrokenAt" IS NULL)`;
  const grantColumns = sql`'g', CAST("resourceType" AS TEXT), "resourceId", CAST("role" AS TEXT), "scope", "createdAt"`;
  const statement = sql`SELECT 'm' AS "kind", NULL AS "resourceType", "workspaceId" AS "resourceId", CAST("role" AS TEXT) AS "role", NULL AS "scope", NULL AS "createdAt"
    FROM "Membership" WHERE "userId" = ${actor.id} AND "workspaceId" IN (${join([...workspaceIds])})
    UNION ALL
    SELECT ${grantColumns} FROM "Share" WHERE ${targets} AND "granteeKey" = ${userKey(actor.id)} AND ${live}
    UNION ALL
    SELECT ${grantColumns} FROM "Share" WHERE ${targets} AND "granteeKey" IN (
      SELECT 'workspace:' || "workspaceId" FROM "Membership" WHERE "userId" = ${actor.id}
      UNION ALL SELECT 'workspace:' || "id" FROM "Workspace" WHERE "ownerId" = ${actor.id}
    ) AND ${live}`;
  const rows = await getDb().$queryRaw<Row[]>(statement);
  const result: AccessRows = { memberships: [], grants: [] };
  for (const row of rows) {
    if (row.kind === "m") result.memberships.push({ workspaceId: row.resourceId, role: row.role });
    else
      result.grants.push({
        resourceType: row.resourceType!,
        resourceId: row.resourceId,
        role: row.role,
        scope: row.scope,
        createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(row.createdAt!),
      });
  }
  return result;
}
