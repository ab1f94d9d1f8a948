import "server-only";
import type { Actor } from "@/lib/access";
import type { Scope } from "@/lib/scopes";
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
  const { dataset: loaded, scope } = await loadDataset(actor, ref, "view");
  return versionProfile(await loadVersion(loaded, number), scope);
}

/**
 * The profile of a version already loaded for a reader access-checked in this request, as that
 * reader may see it. Rule: a slice's profile covers the slice only, computed on it every time.
 */
export async function versionProfile(
  row: Awaited<ReturnType<typeof loadVersion>>,
  scope: Scope | null,
): Promise<VersionProfile> {
  if (scope) {
    // A slice's profile is computed on the slice every time, never taken from the whole file's.
    assertScopeServes(scope, row.columns, `Version ${row.number} of this dataset does not exist.`);
    const all = parseColumns(row.columns);
    return { version: row.number, ...(await profileVersionFile(row.blobKey, all, { scope, columns: all })) };
  }
  return { version: row.number, ...(await ensureVersionProfile(row)) };
}
