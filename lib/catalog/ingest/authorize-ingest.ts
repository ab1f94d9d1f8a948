import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { getDb } from "@/lib/db";
import { AppError, invalid, notFound } from "@/lib/util/errors";
import { type DatasetRow, loadDataset } from "../load-dataset";
import type { IngestMode } from "../types";

export type IngestTarget = {
  workspace: { id: string; ownerId: string; slug: string; owner: string };
  /** the dataset rows are added to or replaced in; absent when creating one */
  dataset?: DatasetRow;
};

/**
 * Who may ingest: editors and managers of the workspace (create), or of the dataset (append,
 * replace), as lib/access decides. Checked when the upload starts and again when it is
 * confirmed, so a role removed in between stops it.
 */
export async function authorizeIngest(
  actor: Actor,
  target: { workspaceId: string; mode: IngestMode; datasetId?: string | null },
): Promise<IngestTarget> {
  const row = await getDb().workspace.findUnique({
    where: { id: target.workspaceId },
    select: { id: true, ownerId: true, slug: true, owner: { select: { username: true } } },
  });
  if (!row) throw notFound("Workspace not found");
  const workspace = { id: row.id, ownerId: row.ownerId, slug: row.slug, owner: row.owner.username ?? "" };
  if (target.mode === "create") {
    try {
      await assertCan(actor, "write", {
        type: "workspace",
        id: row.id,
        workspaceId: row.id,
        workspaceOwnerId: row.ownerId,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") throw notFound("Workspace not found");
      if (error instanceof AppError && error.code === "forbidden")
        throw new AppError("forbidden", "You have read-only access to this workspace: you cannot add datasets to it.");
      throw error;
    }
    return { workspace };
  }
  if (!target.datasetId) throw invalid("Choose the dataset to add the rows to.");
  const { dataset } = await loadDataset(actor, { id: target.datasetId }, "write");
  if (dataset.workspaceId !== workspace.id) throw notFound("Dataset not found");
  return { workspace, dataset };
}
