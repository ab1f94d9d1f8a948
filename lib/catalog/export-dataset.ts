import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { catalogTempDir } from "./config";
import { createDataView } from "./duckdb/dataset-db";
import { withSandbox } from "./duckdb/sandbox";
import { withQueryTimeout } from "./duckdb/timeout";
import { loadDataset, loadVersion } from "./load-dataset";
import { versionNumberSchema } from "./query";
import { datasetQuerySchema } from "./query-schema";
import { buildQuery } from "./query-sql";
import { checkTypedParams, hasRowNumber } from "./run-query";
import { quoteLiteral } from "./sql";
import { parseColumns } from "./types";

export const EXPORT_FORMATS = ["csv", "jsonl", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: 'The download format is "csv", "jsonl" or "parquet".' });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
};

// Fixed option lists, chosen by the enum above: never built from input.
const COPY_OPTIONS: Record<ExportFormat, string> = {
  csv: "FORMAT csv, HEADER true",
  jsonl: "FORMAT json",
  parquet: "FORMAT parquet, COMPRESSION zstd",
};

export type DatasetExport = {
  body: Readable;
  filename: string;
  contentType: string;
  /** known for files served as they are; absent when the size is only known after writing */
  size?: number;
};

/** Reads a finished export file and deletes its folder once the reader is done (or gave up). */
function streamAndDelete(file: string, dir: string): Readable {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  stream.once("close", () => void fsp.rm(dir, { recursive: true, force: true }));
  return stream;
}

/**
 * A dataset version (the current one by default) as CSV, JSON Lines or Parquet, either whole
 * or as the view a query describes (filters, sort, columns; paging is ignored). DuckDB writes
 * the result to a scratch file from a sandbox that can read only the version's Parquet and write
 * only that scratch folder, and the file is streamed from disk: memory stays constant whatever
 * the size. The whole current data as Parquet is the stored file itself, served as it is.
 */
export async function exportDataset(actor: Actor, datasetId: string, input: { format: unknown; query?: unknown; version?: unknown }): Promise<DatasetExport> {
  const format = exportFormatSchema.parse(input.format);
  const query = datasetQuerySchema.parse(input.query ?? {});
  const number = versionNumberSchema.parse(input.version);
  const { dataset } = await loadDataset(actor, { id: datasetId }, "read");
  const version = await loadVersion(dataset, number);
  const columns = parseColumns(version.columns);
  const filtered = query.filters.length > 0 || query.sort.length > 0 || query.columns !== undefined;
  const filename = `${dataset.slug}-v${version.number}${filtered ? "-filtered" : ""}.${format}`;
  const parquetPath = await getBlobStore().localPath(version.blobKey);
  // Recorded once the file is ready, so refused or failed exports are not counted as downloads.
  const recordDownload = () =>
    recordAudit(getDb(), {
      // A public link's visitor has no account (their id is "link:…"); a signed-in one through a link does.
      workspaceId: dataset.workspaceId, actorId: actor.id.startsWith("link:") ? null : actor.id, action: "dataset.downloaded", resourceType: "dataset", resourceId: dataset.id,
      details: { slug: dataset.slug, version: version.number, format, filtered, ...(actor.link ? { link: actor.link.id } : {}) },
    });

  if (format === "parquet" && !filtered) {
    await recordDownload();
    return { body: fs.createReadStream(parquetPath, { highWaterMark: 1 << 20 }), filename, contentType: CONTENT_TYPES.parquet, size: Number(version.sizeBytes) };
  }

  const rowNumber = hasRowNumber(columns);
  const built = buildQuery(columns, query, { rowNumber, all: true });
  const dir = path.join(catalogTempDir(), `export-${randomBytes(8).toString("hex")}`);
  await fsp.mkdir(dir, { recursive: true });
  const target = path.join(dir, `data.${format}`);
  try {
    await withSandbox({ readFiles: [parquetPath], writeDir: dir }, async (db) => {
      await createDataView(db, parquetPath, rowNumber);
      await withQueryTimeout(db, async () => {
        await checkTypedParams(db, built.typedParams);
        await db.run(`COPY (${built.sql}) TO ${quoteLiteral(target)} (${COPY_OPTIONS[format]})`, built.params);
      });
    });
    const { size } = await fsp.stat(target);
    await recordDownload();
    return { body: streamAndDelete(target, dir), filename, contentType: CONTENT_TYPES[format], size };
  } catch (error) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
