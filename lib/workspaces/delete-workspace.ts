import "server-only";
import { getDb } from "@/lib/db";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordDeletion } from "@/lib/audit/record";
import { blobKeysOfWorkspace, deleteUnreferencedBlobs } from "@/lib/storage/orphan-blobs";
import { AppError, assertTypedConfirmation, notFound } from "@/lib/util/errors";

/**
 * Deletes a workspace and everything in it. Owner only; the caller must type the slug to
 * confirm, and the personal workspace cannot be deleted.
 */
export async function deleteWorkspace(actor: Actor, workspaceId: string, confirmSlug: string): Promise<void> {
  const workspace = await getDb().workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "own");
  if (workspace.personal) throw new AppError("invalid", "Your personal workspace cannot be deleted.");
  assertTypedConfirmation(confirmSlug, workspace.slug);
  // Rows go first (foreign keys cascade to files, datasets, links, invitations, ingests, uploads),
  // then their blobs: a crash in between leaves blobs the orphan sweep removes.
  const blobKeys = await blobKeysOfWorkspace(workspace.id);
  await getDb().$transaction(async (tx) => {
    await tx.workspace.delete({ where: { id: workspace.id } });
    const details = { slug: workspace.slug, name: workspace.name };
    await recordDeletion(tx, actor, { workspaceId: workspace.id, type: "workspace", id: workspace.id }, details);
  });
  await deleteUnreferencedBlobs(blobKeys).catch((error: unknown) =>
    console.error("Deleting a deleted workspace's blobs failed; the orphan sweep will retry", error),
  );
}
