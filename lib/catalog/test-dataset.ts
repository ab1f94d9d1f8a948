// Shared test fixture (not a test file itself): several suites only need a dataset row to grant
// access to, not an ingested table, so they write the bare row instead of running an ingest.
import { getDb } from "@/lib/db";

/** Creates an empty (no columns, no rows) version-1 dataset row in `workspaceId`; `name` defaults to `slug`. */
export function createEmptyDataset(input: { workspaceId: string; slug: string; name?: string; createdById: string }) {
  const name = input.name ?? input.slug;
  return getDb().dataset.create({
    data: {
      workspaceId: input.workspaceId,
      name,
      sortName: name,
      slug: input.slug,
      searchText: name,
      version: 1,
      columns: [],
      rowCount: 0n,
      sizeBytes: 0n,
      createdById: input.createdById,
    },
  });
}
