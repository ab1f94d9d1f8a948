import "server-only";
import {
  type Access,
  type Actor,
  type Capability,
  type EffectiveRole,
  type Resource,
  assertAccess,
} from "@/lib/access";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { type Scope, missingColumns } from "@/lib/scopes";
import { AppError, notFound } from "@/lib/util/errors";
import { parseColumns } from "./types";

export const datasetInclude = {
  workspace: { select: { id: true, ownerId: true, slug: true, name: true, owner: { select: { username: true } } } },
} as const;

export type DatasetRow = Prisma.DatasetGetPayload<{ include: typeof datasetInclude }>;

export function datasetResource(row: {
  id: string;
  workspaceId: string;
  visibility: string;
  workspace: { ownerId: string };
}): Resource {
  return {
    type: "dataset",
    id: row.id,
    workspaceId: row.workspaceId,
    workspaceOwnerId: row.workspace.ownerId,
    visibility: row.visibility,
  };
}

/**
 * How a caller names a dataset: its id, its slug in a workspace, or its REST path
 * {owner}/{namespace}/{slug} (matched lowercase, located in the same query as the dataset).
 */
export type DatasetRef =
  { id: string } | { workspaceId: string; slug: string } | { owner: string; namespace: string; slug: string };

function datasetWhere(ref: DatasetRef) {
  if ("id" in ref) return { id: ref.id };
  if ("workspaceId" in ref) return { workspaceId: ref.workspaceId, slug: ref.slug.toLowerCase() };
  return {
    slug: ref.slug.toLowerCase(),
    workspace: { slug: ref.namespace.toLowerCase(), owner: { username: ref.owner.toLowerCase() } },
  };
}

/** assertCan on a loaded dataset, with every "cannot read" answered as the same 404 (see loadDataset). */
async function assertCanDataset(actor: Actor, capability: Capability, resource: Resource): Promise<Access> {
  try {
    return await assertAccess(actor, capability, resource);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw notFound("Dataset not found");
    throw error;
  }
}

/**
 * Rule: a scope that uses a column the schema (of the current version, or of the version read)
 * no longer has serves nothing: the same 404 as no access, never a wider view.
 */
export function assertScopeServes(
  scope: Scope | null,
  columnsJson: Parameters<typeof parseColumns>[0],
  what = "Dataset not found",
): void {
  if (scope && missingColumns(scope, parseColumns(columnsJson)).length > 0) throw notFound(what);
}

/**
 * Loads a dataset and checks the actor may `capability` it. Rule: an unknown dataset and one
 * the actor cannot read are the same 404 "Dataset not found", so a URL or id never reveals that
 * a dataset exists; readable but not allowed is 403 (lib/access decides which).
 */
export async function loadDataset(
  actor: Actor,
  ref: DatasetRef,
  capability: Capability,
): Promise<{ dataset: DatasetRow; role: EffectiveRole; scope: Scope | null }> {
  const dataset = await getDb().dataset.findFirst({ where: datasetWhere(ref), include: datasetInclude });
  if (!dataset) throw notFound("Dataset not found");
  const { role, scope } = await assertCanDataset(actor, capability, datasetResource(dataset));
  assertScopeServes(scope, dataset.columns);
  return { dataset, role, scope };
}

/** What reading a version's rows needs: where its Parquet file is and what it holds. */
export type ReadableVersion = Prisma.DatasetVersionGetPayload<{
  select: { number: true; blobKey: true; columns: true; rowCount: true };
}>;

/** One row of readableVersionSql: the dataset's access fields and the version asked for (null fields: no such version). */
type ReadableRow = {
  id: string;
  workspaceId: string;
  visibility: string;
  version: number | bigint;
  columns: unknown;
  ownerId: string;
  number: number | bigint | null;
  blobKey: string | null;
  versionColumns: unknown;
  rowCount: number | bigint | null;
};

/** A JSON column as a raw query returns it: parsed by the driver (PostgreSQL jsonb, SQLite through Prisma) or text. */
const jsonOf = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Prisma.JsonValue;

/**
 * The dataset named by `ref`, its workspace's owner and the version to read (`number`, or the dataset's current
 * `version`) as ONE statement (a join; the same SQL on SQLite and PostgreSQL). Prisma's relation reads send one
 * statement per table on SQLite (three here), each through its query interpreter: on the grid's hot path that was
 * most of the database time of a read.
 */
function readableVersionSql(ref: DatasetRef, number: number | undefined): Prisma.Sql {
  const byPath = !("id" in ref) && !("workspaceId" in ref);
  const where =
    "id" in ref
      ? Prisma.sql`d."id" = ${ref.id}`
      : "workspaceId" in ref
        ? Prisma.sql`d."workspaceId" = ${ref.workspaceId} AND d."slug" = ${ref.slug.toLowerCase()}`
        : Prisma.sql`d."slug" = ${ref.slug.toLowerCase()} AND w."slug" = ${ref.namespace.toLowerCase()} AND o."username" = ${ref.owner.toLowerCase()}`;
  // The current version is the dataset's `version` (a version row written ahead of it, by an ingest between its
  // two writes, is never served); an explicit number picks that one.
  const versionNumber = number === undefined ? Prisma.sql`d."version"` : Prisma.sql`${number}`;
  return Prisma.sql`SELECT d."id", d."workspaceId", d."visibility", d."version", d."columns", w."ownerId",
  v."number", v."blobKey", v."columns" AS "versionColumns", v."rowCount"
FROM "Dataset" d
JOIN "Workspace" w ON w."id" = d."workspaceId"${byPath ? Prisma.sql` JOIN "User" o ON o."id" = w."ownerId"` : Prisma.empty}
LEFT JOIN "DatasetVersion" v ON v."datasetId" = d."id" AND v."number" = ${versionNumber}
WHERE ${where}
LIMIT 1`;
}

/**
 * A dataset version for reading its rows, by the same rule as loadDataset (unknown and unreadable
 * are the same 404). The hot path of the grid and the REST API: the dataset, its workspace's owner
 * and the version come in one statement with only the fields the access check and the query need
 * (readableVersionSql), and the access check adds its own (none for the owner). Nothing is cached
 * across requests.
 */
export async function loadReadableVersion(
  actor: Actor,
  ref: DatasetRef,
  capability: Capability,
  number?: number,
): Promise<{ datasetId: string; version: ReadableVersion; role: EffectiveRole; scope: Scope | null }> {
  const [row] = await getDb().$queryRaw<ReadableRow[]>(readableVersionSql(ref, number));
  if (!row) throw notFound("Dataset not found");
  const columns = jsonOf(row.columns);
  const { role, scope } = await assertCanDataset(
    actor,
    capability,
    datasetResource({ ...row, workspace: { ownerId: row.ownerId } }),
  );
  assertScopeServes(scope, columns);
  if (row.number === null || row.blobKey === null || row.rowCount === null)
    throw notFound(`Version ${number ?? Number(row.version)} of this dataset does not exist.`);
  const version: ReadableVersion = {
    number: Number(row.number),
    blobKey: row.blobKey,
    columns: jsonOf(row.versionColumns),
    rowCount: BigInt(row.rowCount),
  };
  // An older version the slice does not fit does not exist for its reader.
  assertScopeServes(scope, version.columns, `Version ${version.number} of this dataset does not exist.`);
  return { datasetId: row.id, version, role, scope };
}

/** A version of a loaded dataset: the given number, or the current one. */
export async function loadVersion(dataset: { id: string; version: number }, number?: number) {
  const version = await getDb().datasetVersion.findUnique({
    where: { datasetId_number: { datasetId: dataset.id, number: number ?? dataset.version } },
  });
  if (!version) throw notFound(`Version ${number} of this dataset does not exist.`);
  return version;
}
