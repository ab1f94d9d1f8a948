import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { conflict } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { datasetPath } from "./dataset-view";
import { loadDataset } from "./load-dataset";
import { datasetMetadataSchema } from "./schemas";
import { FOLDING_VERSION } from "./search-fold";
import { searchTextOf } from "./search-text";
import { parseColumns } from "./types";

/** Edits a dataset's name, URL name, description and tags (editors and managers). Returns its (possibly new) path. */
export async function updateDataset(actor: Actor, datasetId: string, input: unknown): Promise<{ path: string }> {
  const meta = datasetMetadataSchema.parse(input);
  const { dataset } = await loadDataset(actor, { id: datasetId }, "write");
  const taken = () =>
    conflict(`This workspace already has a dataset at "${meta.slug}".`, {
      slug: "That URL name is taken in this workspace.",
    });
  try {
    await getDb().$transaction(async (tx) => {
      const clash = await tx.dataset.findUnique({
        where: { workspaceId_slug: { workspaceId: dataset.workspaceId, slug: meta.slug } },
        select: { id: true },
      });
      if (clash && clash.id !== dataset.id) throw taken();
      await tx.datasetTag.deleteMany({ where: { datasetId: dataset.id } });
      await tx.dataset.update({
        where: { id: dataset.id },
        data: {
          name: meta.name,
          sortName: meta.name.toLowerCase(),
          slug: meta.slug,
          description: meta.description,
          tags: meta.tags,
          searchText: searchTextOf({ ...meta, columns: parseColumns(dataset.columns) }),
          searchFolding: FOLDING_VERSION,
          updatedById: actor.id,
          tagRows: { create: meta.tags.map((tag) => ({ tag, workspaceId: dataset.workspaceId })) },
        },
      });
      await recordAudit(tx, {
        workspaceId: dataset.workspaceId,
        actorId: actor.id,
        action: "dataset.updated",
        resourceType: "dataset",
        resourceId: dataset.id,
        details: { from: { name: dataset.name, slug: dataset.slug }, to: { name: meta.name, slug: meta.slug } },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return { path: datasetPath(dataset.workspace.owner.username ?? "", dataset.workspace.slug, meta.slug) };
}
