import "server-only";
import { getDb } from "@/lib/db";
import type { JsonValue } from "@/lib/db/json";
import { parseColumns } from "../types";
import { profileVersionFile } from "./profile-version";
import { type DatasetProfile, readStoredProfile } from "./types";

/**
 * A version's stored profile; one missing or of an older shape (older releases, or an ingest whose
 * profile step failed) is computed once from the version's file and stored. The rows of a version
 * never change, so neither does its profile.
 */
export async function ensureVersionProfile(version: {
  id: string;
  blobKey: string;
  columns: JsonValue;
  stats: JsonValue | null;
}): Promise<DatasetProfile> {
  const stored = readStoredProfile(version.stats);
  if (stored) return stored;
  const profile = await profileVersionFile(version.blobKey, parseColumns(version.columns), null);
  await getDb().datasetVersion.update({ where: { id: version.id }, data: { stats: profile } });
  return profile;
}
