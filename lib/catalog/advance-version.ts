import type { Tx } from "@/lib/db";
import type { JsonValue } from "@/lib/db/json";
import { searchTextOf } from "./search-text";
import { type Column, parseTags } from "./types";

/**
 * Points a dataset row at a version just created (an append/replace ingest or a restore): its
 * number, shape and size, and the search text, which includes the column names and so changes with them.
 */
export function advanceDatasetVersion(
  tx: Tx,
  current: { id: string; name: string; slug: string; description: string; tags: JsonValue },
  next: { version: number; columns: Column[]; rowCount: bigint; sizeBytes: bigint },
  actorId: string,
) {
  return tx.dataset.update({
    where: { id: current.id },
    data: {
      ...next,
      searchText: searchTextOf({ ...current, tags: parseTags(current.tags), columns: next.columns }),
      updatedById: actorId,
    },
  });
}
