import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { conflict, invalid } from "@/lib/util/errors";
import type { SourceFormat } from "../types";
import { authorizeIngest } from "./authorize-ingest";
import { closeDatasetDbs } from "../duckdb/dataset-db";
import { type IngestOptions, ingestOptionsSchema } from "./ingest-options";
import { loadOwnIngest } from "./load-own-ingest";
import { appendBase, convertAndStore, stagedReading } from "./prepare-ingest";

/**
 * Reads a pending upload again with other options (delimiter, header, quote, encoding, column
 * names and types). All or nothing: when the new reading fails (a type that does not fit, a
 * delimiter that breaks the rows), the upload and its current reading stay as they were and
 * the error says why; otherwise the new reading replaces the old one.
 */
export async function rereadIngest(actor: Actor, ingestId: string, rawOptions: unknown): Promise<void> {
  const options: IngestOptions = ingestOptionsSchema.parse(rawOptions ?? {});
  const ingest = await loadOwnIngest(actor, ingestId);
  const { dataset } = await authorizeIngest(actor, ingest);
  if (!ingest.sourceBlobKey)
    throw invalid("This upload was not kept for another reading. Upload the file again with the options you need.");
  if (dataset && dataset.version !== ingest.baseVersion)
    throw conflict(
      "The dataset changed while you were reviewing this upload (someone added a version). Upload the file again to build on the new version.",
    );
  const store = getBlobStore();
  const base = await appendBase(ingest.mode, dataset ?? null);
  const source = {
    path: await store.localPath(ingest.sourceBlobKey),
    name: ingest.sourceName,
    format: ingest.sourceFormat as SourceFormat,
  };
  const { key, converted } = await convertAndStore(ingest.datasetId, source, base, {
    read: options,
    allowBlocked: true,
  });
  // Only the reading it replaces may be swapped out: a confirmation or another re-read in between wins.
  const { count } = await getDb().datasetIngest.updateMany({
    where: { id: ingest.id, blobKey: ingest.blobKey },
    data: {
      blobKey: key,
      columns: converted.columns,
      rowCount: BigInt(converted.rowCount),
      sizeBytes: BigInt(converted.sizeBytes),
      addedRows: BigInt(converted.addedRows),
      ...stagedReading(options, converted),
    },
  });
  const stale = count === 0 ? key : ingest.blobKey;
  await closeDatasetDbs(store.localPathOf(stale));
  await store.delete(stale).catch(() => {});
  if (count === 0)
    throw conflict("This upload changed meanwhile (confirmed, cancelled or read again). Reload the page.");
}
