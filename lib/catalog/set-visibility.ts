import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { loadDataset } from "./load-dataset";
import { visibilitySchema } from "./schemas";
import type { Visibility } from "./types";

/** Makes a dataset private or public (readable by every signed-in user); managers only. */
export async function setDatasetVisibility(actor: Actor, datasetId: string, input: unknown): Promise<Visibility> {
  const visibility = visibilitySchema.parse(input);
  const { dataset } = await loadDataset(actor, { id: datasetId }, "manage");
  if (dataset.visibility === visibility) return visibility;
  await getDb().$transaction(async (tx) => {
    await tx.dataset.update({ where: { id: dataset.id }, data: { visibility, updatedById: actor.id } });
    await recordAudit(tx, {
      workspaceId: dataset.workspaceId,
      actorId: actor.id,
      action: "dataset.visibility_changed",
      resourceType: "dataset",
      resourceId: dataset.id,
      details: { slug: dataset.slug, from: dataset.visibility, to: visibility },
    });
  });
  return visibility;
}
