import "server-only";
import type { Actor } from "@/lib/access";
import { type DatasetView, toDatasetView } from "./dataset-view";
import { type DatasetRef, loadDataset } from "./load-dataset";

/** A dataset the actor can read, as pages show it (404 "Dataset not found" otherwise). */
export async function getDataset(actor: Actor, ref: DatasetRef): Promise<DatasetView> {
  const { dataset, role } = await loadDataset(actor, ref, "view");
  return toDatasetView(dataset, role);
}
