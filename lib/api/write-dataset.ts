import "server-only";
import type { Actor } from "@/lib/access";
import { cancelIngest } from "@/lib/catalog/ingest/cancel-ingest";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { datasetLockKey, datasetNameLockKey, withDatasetWriteLock } from "@/lib/catalog/ingest/write-lock";
import type { DatasetMetadata } from "@/lib/catalog/schemas";
import type { IngestOptions } from "@/lib/catalog/ingest/ingest-options";
import type { IngestMode, SourceFormat } from "@/lib/catalog/types";

export type WriteTarget = {
  workspaceId: string;
  mode: IngestMode;
  datasetId?: string;
  metadata?: Partial<DatasetMetadata>;
};
/** The file to write and how to read it (see ingestOptionsSchema). */
export type WriteSource = { path: string; name: string; format: SourceFormat; options?: IngestOptions };
export type WriteResult = {
  datasetId: string;
  version: number;
  rowsAdded: number;
  rowCount: number;
  columns: { name: string; type: string }[];
};

/**
 * Writes a file into the catalog in one step, through the same two-step ingest as the UI
 * (prepare: convert and check the schema against the current version; commit: new dataset or
 * next version). Both steps check write access through lib/access; an API client has no review
 * page, so the prepared upload is confirmed at once, or cancelled if confirming fails. Writes to
 * one dataset wait for each other (see withDatasetWriteLock) rather than fail.
 */
export async function writeDatasetFile(actor: Actor, target: WriteTarget, source: WriteSource): Promise<WriteResult> {
  // Serialised per dataset: an append prepared while another is being written would be stale
  // at commit; an API client has no review step to redo, so it waits its turn instead.
  const key = target.datasetId
    ? datasetLockKey(target.datasetId)
    : datasetNameLockKey(target.workspaceId, target.metadata?.slug ?? "");
  return withDatasetWriteLock(key, () => prepareAndCommit(actor, target, source));
}

async function prepareAndCommit(actor: Actor, target: WriteTarget, source: WriteSource): Promise<WriteResult> {
  const ingest = await prepareIngest(actor, {
    workspaceId: target.workspaceId,
    mode: target.mode,
    datasetId: target.datasetId ?? null,
    sourcePath: source.path,
    sourceName: source.name,
    format: source.format,
    options: source.options,
  });
  try {
    const committed = await commitIngest(actor, ingest.id, target.mode === "create" ? target.metadata : undefined);
    return {
      datasetId: committed.datasetId,
      version: committed.version,
      rowsAdded: ingest.addedRows,
      rowCount: ingest.rowCount,
      columns: ingest.columns,
    };
  } catch (error) {
    await cancelIngest(actor, ingest.id).catch(() => {}); // already consumed or discarded when the commit itself cleaned up
    throw error;
  }
}
