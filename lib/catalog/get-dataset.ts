import "server-only";
import type { Actor } from "@/lib/access";
import { recordView } from "@/lib/insights/record-view";
import { type DatasetView, toDatasetView } from "./dataset-view";
import { type DatasetRef, loadDataset } from "./load-dataset";
import { type VersionView, versionViews } from "./versions";

/** A dataset the actor can read, as pages show it (404 "Dataset not found" otherwise). */
export async function getDataset(actor: Actor, ref: DatasetRef): Promise<DatasetView> {
  const { dataset, role, scope } = await loadDataset(actor, ref, "view");
  return toDatasetView(dataset, role, scope);
}

/**
 * A dataset the actor can read with every version of it, for its page: one load and one access
 * check for both (404 "Dataset not found" otherwise), the view and the versions read at once.
 */
export async function getDatasetPage(
  actor: Actor,
  ref: DatasetRef,
): Promise<{ dataset: DatasetView; versions: VersionView[] }> {
  const { dataset, role, scope } = await loadDataset(actor, ref, "view");
  const [view, versions] = await Promise.all([
    toDatasetView(dataset, role, scope),
    versionViews(dataset, scope),
    recordView(actor, "dataset", dataset),
  ]);
  return { dataset: view, versions };
}
