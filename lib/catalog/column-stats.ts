import "server-only";
import type { Actor } from "@/lib/access";
import { getBlobStore } from "@/lib/storage";
import { parseColumns } from "./types";
import { assertScopeServes, type DatasetRef, loadDataset, loadVersion } from "./load-dataset";
import { ensureVersionProfile } from "./profile/ensure-profile";
import { profileVersionFile } from "./profile/profile-version";
import type { DatasetProfile } from "./profile/types";
import { versionNumberSchema } from "./query";

export type { ColumnProfile, DatasetProfile } from "./profile/types";

export type VersionProfile = DatasetProfile & { version: number };

/**
 * The column profile of a dataset version (readers of the dataset only; otherwise 404). Computed
 * at ingest and stored with the version; a version without one of the current shape gets it computed
 * once here.
 */
export async function getColumnStats(
  actor: Actor,
  dataset: string | DatasetRef,
  version?: unknown,
): Promise<VersionProfile> {
  const number = versionNumberSchema.parse(version);
  const ref = typeof dataset === "string" ? { id: dataset } : dataset;
  const { dataset: loaded } = await loadDataset(actor, ref, "view");
  const row = await loadVersion(loaded, number);
  return { version: row.number, ...(await ensureVersionProfile(row)) };
}
