import "server-only";
import { type Actor, type Capability, type EffectiveRole, type Resource, assertCan } from "@/lib/access";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { AppError, notFound } from "@/lib/util/errors";

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
async function assertCanDataset(actor: Actor, capability: Capability, resource: Resource): Promise<EffectiveRole> {
  try {
    return await assertCan(actor, capability, resource);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw notFound("Dataset not found");
    throw error;
  }
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
): Promise<{ dataset: DatasetRow; role: EffectiveRole }> {
  const dataset = await getDb().dataset.findFirst({ where: datasetWhere(ref), include: datasetInclude });
  if (!dataset) throw notFound("Dataset not found");
  return { dataset, role: await assertCanDataset(actor, capability, datasetResource(dataset)) };
}

const versionSelect = { number: true, blobKey: true, columns: true, rowCount: true } as const;

/** What reading a version's rows needs: where its Parquet file is and what it holds. */
export type ReadableVersion = Prisma.DatasetVersionGetPayload<{ select: typeof versionSelect }>;

/**
 * A dataset version for reading its rows, by the same rule as loadDataset (unknown and unreadable
 * are the same 404). The hot path of the grid and the REST API: the dataset, its workspace's owner
 * and the version come in one query with only the fields the access check and the query need, and
 * the access check adds its own (none for the owner). Nothing is cached across requests.
 */
export async function loadReadableVersion(
  actor: Actor,
  ref: DatasetRef,
  capability: Capability,
  number?: number,
): Promise<{ datasetId: string; version: ReadableVersion; role: EffectiveRole }> {
  const dataset = await getDb().dataset.findFirst({
    where: datasetWhere(ref),
    select: {
      id: true,
      workspaceId: true,
      visibility: true,
      version: true,
      workspace: { select: { ownerId: true } },
      // The current version is the latest one; an explicit number picks that one.
      versions: {
        where: number === undefined ? {} : { number },
        orderBy: { number: "desc" },
        take: 1,
        select: versionSelect,
      },
    },
  });
  if (!dataset) throw notFound("Dataset not found");
  const role = await assertCanDataset(actor, capability, datasetResource(dataset));
  let version = dataset.versions[0];
  // A version written but not yet made current (an ingest between its two writes) is not served.
  if (version && number === undefined && version.number !== dataset.version) {
    version =
      (await getDb().datasetVersion.findUnique({
        where: { datasetId_number: { datasetId: dataset.id, number: dataset.version } },
        select: versionSelect,
      })) ?? undefined;
  }
  if (!version) throw notFound(`Version ${number ?? dataset.version} of this dataset does not exist.`);
  return { datasetId: dataset.id, version, role };
}

/** A version of a loaded dataset: the given number, or the current one. */
export async function loadVersion(dataset: { id: string; version: number }, number?: number) {
  const version = await getDb().datasetVersion.findUnique({
    where: { datasetId_number: { datasetId: dataset.id, number: number ?? dataset.version } },
  });
  if (!version) throw notFound(`Version ${number} of this dataset does not exist.`);
  return version;
}
