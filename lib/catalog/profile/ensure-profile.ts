import "server-only";
import { getDb } from "@/lib/db";
import { runInBackground } from "@/lib/util/background";
import type { JsonValue } from "@/lib/db/json";
import { parseColumns } from "../types";
import { profileVersionFile } from "./profile-version";
import { type DatasetProfile, readStoredProfile } from "./types";

type VersionFile = { id: string; blobKey: string; columns: JsonValue };

/** The profiles this process is computing, by version id: one computation per version at a time. */
const computing = new Map<string, Promise<DatasetProfile>>();

/**
 * Computes a version's profile from its file and stores it with the version, once per version at a
 * time in this process: a page view that asks while the ingest's own computation runs waits for that
 * one instead of scanning the file again. The rows of a version never change, so neither does its
 * profile; a version deleted meanwhile is simply not updated.
 */
function computeOnce(version: VersionFile): Promise<DatasetProfile> {
  const running = computing.get(version.id);
  if (running) return running;
  const computed = (async () => {
    const profile = await profileVersionFile(version.blobKey, parseColumns(version.columns), null);
    await getDb().datasetVersion.updateMany({ where: { id: version.id }, data: { stats: profile } });
    return profile;
  })().finally(() => computing.delete(version.id));
  computing.set(version.id, computed);
  return computed;
}

/**
 * A version's stored profile; one missing or of an older shape (older releases, an ingest whose
 * profile step failed or has not finished) is computed once from the version's file and stored.
 */
export async function ensureVersionProfile(
  version: VersionFile & { stats: JsonValue | null },
): Promise<DatasetProfile> {
  return readStoredProfile(version.stats) ?? computeOnce(version);
}

/**
 * Starts computing a just-committed version's profile once the ingest has answered: the uploader does
 * not wait for statistics to use the new version, and a page view asking meanwhile waits for this
 * computation. A failure, or a process that stops meanwhile, loses nothing: the first request for the
 * profile computes it (ensureVersionProfile).
 */
export function profileAfterIngest(version: VersionFile): void {
  runInBackground(() =>
    computeOnce(version).catch((error: unknown) =>
      console.error("Column profile failed after ingest; it will be computed on first request.", error),
    ),
  );
}
