import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { newDatasetBlobKey } from "../blob-keys";
import { catalogConfig, catalogTempDir } from "../config";
import { isDiskFull, storageFull } from "../duckdb/errors";
import { type Column, type IngestMode, type SourceFormat, parseColumns } from "../types";
import { authorizeIngest } from "./authorize-ingest";
import { type ConvertBase, type Converted, convertToParquet } from "./convert";
import { expireIngests } from "./expire-ingests";
import type { IngestOptions } from "./ingest-options";

export type PrepareInput = {
  workspaceId: string;
  mode: IngestMode;
  datasetId?: string | null;
  /** the uploaded file on local disk; read, never moved or deleted here */
  sourcePath: string;
  sourceName: string;
  format: SourceFormat;
  /** how to read the file (dialect, column names and types) */
  options?: IngestOptions;
  /**
   * The uploader reviews it on a page: the upload is kept to be read again with other options,
   * and an append whose columns do not fit is staged (blocked) so the review can show why.
   */
  review?: boolean;
};

export type PreparedIngest = {
  id: string;
  mode: IngestMode;
  datasetId: string;
  columns: Column[];
  rowCount: number;
  addedRows: number;
  sizeBytes: number;
  blocked: boolean;
  /** the review page where the uploader confirms the schema */
  url: string;
};

export function ingestUrl(owner: string, workspaceSlug: string, ingestId: string): string {
  return `/w/${owner}/${workspaceSlug}/catalog/ingests/${ingestId}`;
}

/** For an append: the current version's Parquet file and schema, which the new rows must fit. */
export async function appendBase(
  mode: IngestMode,
  dataset: { id: string; version: number } | null | undefined,
): Promise<ConvertBase | undefined> {
  if (mode !== "append" || !dataset) return undefined;
  const current = await getDb().datasetVersion.findUniqueOrThrow({
    where: { datasetId_number: { datasetId: dataset.id, number: dataset.version } },
  });
  return { path: await getBlobStore().localPath(current.blobKey), columns: parseColumns(current.columns) };
}

/**
 * Converts a file to Parquet and stores it under a new blob key; on failure nothing is left
 * (no blob, no scratch file). The caller records the key or deletes the blob.
 */
export async function convertAndStore(
  datasetId: string,
  source: { path: string; name: string; format: SourceFormat },
  base: ConvertBase | undefined,
  options: { read?: IngestOptions; allowBlocked?: boolean },
): Promise<{ key: string; converted: Converted }> {
  const workDir = path.join(catalogTempDir(), `ingest-${randomBytes(8).toString("hex")}`);
  await fsp.mkdir(workDir, { recursive: true }).catch((error: unknown) => {
    throw isDiskFull(error) ? storageFull("converting the file") : error;
  });
  const key = newDatasetBlobKey(datasetId);
  try {
    const target = path.join(workDir, "data.parquet");
    const converted = await convertToParquet(source, target, base, options);
    await getBlobStore().putFile(key, target, { move: true });
    return { key, converted };
  } catch (error) {
    if (isDiskFull(error)) throw storageFull("storing the converted file");
    throw error;
  } finally {
    await fsp.rm(workDir, { recursive: true, force: true });
  }
}

/**
 * First half of every ingest (create, append, replace): converts the uploaded file to Parquet
 * in blob storage and records it as waiting for the uploader's confirmation. No dataset or
 * version changes until commitIngest; a failure leaves no blob and no row behind.
 */
export async function prepareIngest(actor: Actor, input: PrepareInput): Promise<PreparedIngest> {
  await expireIngests().catch((error) => console.error("Expiring abandoned dataset uploads failed", error));
  const { workspace, dataset } = await authorizeIngest(actor, input);
  const datasetId = dataset?.id ?? `ds${randomBytes(12).toString("hex")}`;
  const store = getBlobStore();
  const base = await appendBase(input.mode, dataset);
  const source = { path: input.sourcePath, name: input.sourceName, format: input.format };
  const { key, converted } = await convertAndStore(datasetId, source, base, {
    read: input.options,
    allowBlocked: input.review,
  });
  const sourceKey = input.review ? newDatasetBlobKey(datasetId).replace(/\.parquet$/, ".source") : null;
  try {
    if (sourceKey) await store.putFile(sourceKey, input.sourcePath);
    const row = await getDb().datasetIngest.create({
      data: {
        workspaceId: workspace.id,
        datasetId,
        mode: input.mode,
        baseVersion: dataset?.version ?? null,
        blobKey: key,
        columns: converted.columns,
        rowCount: BigInt(converted.rowCount),
        sizeBytes: BigInt(converted.sizeBytes),
        addedRows: BigInt(converted.addedRows),
        sourceName: input.sourceName.slice(0, 255),
        sourceFormat: input.format,
        createdById: actor.id,
        expiresAt: new Date(Date.now() + catalogConfig().ingestExpireMs),
        sourceBlobKey: sourceKey,
        ...stagedReading(input.options, converted),
      },
    });
    return {
      id: row.id,
      mode: input.mode,
      datasetId,
      columns: converted.columns,
      rowCount: converted.rowCount,
      addedRows: converted.addedRows,
      sizeBytes: converted.sizeBytes,
      blocked: converted.blocked,
      url: ingestUrl(workspace.owner, workspace.slug, row.id),
    };
  } catch (error) {
    await store.delete(key).catch(() => {});
    if (sourceKey) await store.delete(sourceKey).catch(() => {});
    if (isDiskFull(error)) throw storageFull("storing the uploaded file");
    throw error;
  }
}

/** The columns of a pending ingest that record how its file was read. */
export function stagedReading(options: IngestOptions | undefined, converted: Converted) {
  return {
    readOptions: options ?? {},
    csvReading: converted.csv ?? undefined,
    sourceColumns: converted.sourceColumns,
    fileColumns: converted.fileColumns,
    blocked: converted.blocked,
  };
}
