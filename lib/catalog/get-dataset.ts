import "server-only";
import type { Actor } from "@/lib/access";
import { recordView } from "@/lib/insights/record-view";
import { type DatasetView, toDatasetView } from "./dataset-view";
import { type VersionProfile, versionProfile } from "./column-stats";
import { type DatasetRef, assertScopeServes, loadDataset, loadVersion } from "./load-dataset";
import { type DatasetQueryResult, queryReadableVersion } from "./query";
import { type VersionView, versionViews } from "./versions";

/** A dataset the actor can read, as pages show it (404 "Dataset not found" otherwise). */
export async function getDataset(actor: Actor, ref: DatasetRef): Promise<DatasetView> {
  const { dataset, role, scope } = await loadDataset(actor, ref, "view");
  return toDatasetView(dataset, role, scope);
}

/** Reads for the page's own first view, on what its one load and access check found. */
export type DatasetPageReads = {
  /** a page of rows of version `number`, as the rows route answers it (the grid's first page) */
  rows(number: number, query: unknown): Promise<DatasetQueryResult>;
  /** the column profile of version `number`, as the statistics route answers it */
  profile(number: number): Promise<VersionProfile>;
};

/**
 * A dataset the actor can read with every version of it, for its page: one load and one access
 * check for both (404 "Dataset not found" otherwise), the view and the versions read at once.
 * `reads` answer the grid's first page and the column profile from the same check, so the page
 * does not load and check the dataset again for each (nothing of it outlives the request).
 */
export async function getDatasetPage(
  actor: Actor,
  ref: DatasetRef,
): Promise<{ dataset: DatasetView; versions: VersionView[]; reads: DatasetPageReads }> {
  const { dataset, role, scope } = await loadDataset(actor, ref, "view");
  const [view, versions] = await Promise.all([
    toDatasetView(dataset, role, scope),
    versionViews(dataset, scope),
    recordView(actor, "dataset", dataset),
  ]);
  const loaded = new Map<number, ReturnType<typeof loadVersion>>();
  const version = async (number: number) => {
    if (!loaded.has(number)) loaded.set(number, loadVersion(dataset, number));
    const row = await loaded.get(number)!;
    // The same rule as the rows and statistics routes: a version the slice does not fit does not exist.
    assertScopeServes(scope, row.columns, `Version ${row.number} of this dataset does not exist.`);
    return row;
  };
  const reads: DatasetPageReads = {
    rows: async (number, query) => queryReadableVersion({ version: await version(number), role, scope }, query),
    profile: async (number) => versionProfile(await version(number), scope),
  };
  return { dataset: view, versions, reads };
}
