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
import { convertToParquet } from "./convert";
import { expireIngests } from "./expire-ingests";

export type PrepareInput = {
  workspaceId: string;
  mode: IngestMode;
  datasetId?: string | null;
  /** the uploaded file on local disk; read, never moved or deleted here */
  sourcePath: string;
  sourceName: string;
  format: SourceFormat;
};

export type PreparedIngest = {
  id: string;
  mode: IngestMode;
  datasetId: string;
  columns: Column[];
  rowCount: number;
  addedRows: number;
  sizeBytes: number;
  /** the review page where the uploader confirms the schema */
  url: string;
};

export function ingestUrl(owner: string, workspaceSlug: string, ingestId: string): string {
  return `/w/${owner}/${workspaceSlug}/catalog/ingests/${ingestId}`;
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
  let base: { path: string; columns: Column[] } | undefined;
  if (input.mode === "append" && dataset) {
    const current = await getDb().datasetVersion.findUniqueOrThrow({
      where: { datasetId_number: { datasetId: dataset.id, number: dataset.version } },
    });
    base = { path: await store.localPath(current.blobKey), columns: parseColumns(current.columns) };
  }
  const workDir = path.join(catalogTempDir(), `ingest-${randomBytes(8).toString("hex")}`);
  await fsp.mkdir(workDir, { recursive: true }).catch((error: unknown) => {
    throw isDiskFull(error) ? storageFull("converting the file") : error;
  });
  const key = newDatasetBlobKey(datasetId);
  let stored = false;
  try {
    const target = path.join(workDir, "data.parquet");
    const converted = await convertToParquet(
      { path: input.sourcePath, name: input.sourceName, format: input.format },
      target,
      base,
    );
    await store.putFile(key, target, { move: true });
    stored = true;
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
      url: ingestUrl(workspace.owner, workspace.slug, row.id),
    };
  } catch (error) {
    if (stored) await store.delete(key).catch(() => {});
    if (isDiskFull(error)) throw storageFull("storing the converted file");
    throw error;
  } finally {
    await fsp.rm(workDir, { recursive: true, force: true });
  }
}
