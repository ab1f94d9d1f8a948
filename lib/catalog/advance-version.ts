import type { Tx } from "@/lib/db";
import type { JsonValue } from "@/lib/db/json";
import { checkScopesAfterVersion } from "@/lib/scopes/check-scopes";
import { datasetPath } from "./dataset-view";
import { searchTextOf } from "./search-text";
import { type Column, parseTags } from "./types";

/**
 * Points a dataset row at a version just created (an append/replace ingest or a restore): its
 * number, shape and size, and the search text, which includes the column names and so changes with them.
 * Every slice shared from the dataset is re-validated against the new columns in the same
 * transaction (checkScopesAfterVersion): one that no longer fits stops serving.
 */
export async function advanceDatasetVersion(
  tx: Tx,
  change: {
    current: { id: string; name: string; slug: string; description: string; tags: JsonValue };
    version: number;
    columns: Column[];
    /** where the row and byte counts come from: the ingest, or the version restored */
    size: { rowCount: bigint; sizeBytes: bigint };
    actorId: string;
  },
) {
  const { current, version, columns, size } = change;
  const updated = await tx.dataset.update({
    where: { id: current.id },
    data: {
      version,
      columns,
      rowCount: size.rowCount,
      sizeBytes: size.sizeBytes,
      searchText: searchTextOf({ ...current, tags: parseTags(current.tags), columns }),
      updatedById: change.actorId,
    },
    include: { workspace: { select: { slug: true, owner: { select: { username: true } } } } },
  });
  await checkScopesAfterVersion(
    tx,
    { ...updated, path: datasetPath(updated.workspace.owner.username ?? "", updated.workspace.slug, updated.slug) },
    version,
    columns,
    change.actorId,
  );
  return updated;
}
