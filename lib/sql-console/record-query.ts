import "server-only";
import type { Actor } from "@/lib/access";
import { recordAccess } from "@/lib/insights/record-access";
import type { GrantedDataset } from "./dataset-views";

/**
 * Records that a console query read each of its datasets, as a view of the dataset (the audit
 * trail and insights, one event per reader, dataset and hour like every other view: a console
 * session does not write a row per run).
 */
export async function recordConsoleQuery(actor: Actor, datasets: GrantedDataset[]): Promise<void> {
  for (const d of datasets)
    await recordAccess(actor, {
      workspaceId: d.workspaceId,
      action: "dataset.viewed",
      resourceType: "dataset",
      resourceId: d.datasetId,
      details: { version: d.version, via: "sql", ...(actor.link ? { link: actor.link.id } : {}) },
    });
}
