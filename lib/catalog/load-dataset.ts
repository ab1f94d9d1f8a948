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

export type DatasetRef = { id: string } | { workspaceId: string; slug: string };

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
  const where = "id" in ref ? { id: ref.id } : { workspaceId: ref.workspaceId, slug: ref.slug.toLowerCase() };
  const dataset = await getDb().dataset.findFirst({ where, include: datasetInclude });
  if (!dataset) throw notFound("Dataset not found");
  try {
    return { dataset, role: await assertCan(actor, capability, datasetResource(dataset)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw notFound("Dataset not found");
    throw error;
  }
}

/** A version of a loaded dataset: the given number, or the current one. */
export async function loadVersion(dataset: { id: string; version: number }, number?: number) {
  const version = await getDb().datasetVersion.findUnique({
    where: { datasetId_number: { datasetId: dataset.id, number: number ?? dataset.version } },
  });
  if (!version) throw notFound(`Version ${number} of this dataset does not exist.`);
  return version;
}
