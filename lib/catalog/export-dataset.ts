import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { recordAccess } from "@/lib/insights/record-access";
import { getBlobStore } from "@/lib/storage";
import { catalogTempDir } from "./config";
import { neutraliseFormulas } from "./csv-formulas";
import { createDataView } from "./duckdb/dataset-db";
import { isDiskFull, storageFull } from "./duckdb/errors";
import { withSandbox } from "./duckdb/sandbox";
import { withQueryTimeout } from "./duckdb/timeout";
import { assertScopeServes, loadDataset, loadVersion } from "./load-dataset";
import { versionNumberSchema } from "./query";
import { datasetQuerySchema } from "./query-schema";
import { buildQuery } from "./query-sql";
import { checkTypedParams, hasRowNumber } from "./run-query";
import { quoteLiteral } from "./sql";
import { takeExportSlots } from "./export-slots";
import { copyCapped, streamAndDelete } from "./export-capped";
import { parseColumns } from "./types";
import { visibleColumns } from "@/lib/scopes";

export const EXPORT_FORMATS = ["csv", "jsonl", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: 'The download format is "csv", "jsonl" or "parquet".',
});
/** `raw`: CSV values exactly as stored, formulas included (true, "true" or "1"); off by default. */
export const rawValuesSchema = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", ""])], { error: 'raw is "true" or "false".' })
  .optional()
  .transform((value) => value === true || value === "true" || value === "1");

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

/**
 * A dataset version (the current one by default) as CSV, JSON Lines or Parquet, either whole
 * or as the view a query describes (filters, sort, columns; paging is ignored). DuckDB writes
 * the result to a scratch file from a sandbox that can read only the version's Parquet and write
 * only that scratch folder, and the file is streamed from disk: memory stays constant whatever
 * the size. The whole current data as Parquet is the stored file itself, served as it is.
 * Generated exports are limited: in size (see copyCapped) and in number per user and per link
 * (see takeExportSlots). CSV cells that a spreadsheet would run as formulas are neutralised
 * unless `raw` asks for the stored values (see neutraliseFormulas).
 */
export async function exportDataset(
  actor: Actor,
  datasetId: string,
  input: { format: unknown; query?: unknown; version?: unknown; raw?: unknown },
): Promise<DatasetExport> {
  const format = exportFormatSchema.parse(input.format);
  const raw = rawValuesSchema.parse(input.raw);
  const query = datasetQuerySchema.parse(input.query ?? {});
  const number = versionNumberSchema.parse(input.version);
  const { dataset, scope } = await loadDataset(actor, { id: datasetId }, "read");
  const version = await loadVersion(dataset, number);
  assertScopeServes(scope, version.columns, `Version ${version.number} of this dataset does not exist.`);
  const columns = parseColumns(version.columns);
  const filtered = query.filters.length > 0 || query.sort.length > 0 || query.columns !== undefined;
  const filename = `${dataset.slug}-v${version.number}${filtered ? "-filtered" : ""}.${format}`;
  const parquetPath = await getBlobStore().localPath(version.blobKey);
  // Recorded once the file is ready, so refused or failed exports are not counted as downloads.
  const recordDownload = async () => {
    await recordAccess(actor, {
      workspaceId: dataset.workspaceId,
      action: "dataset.downloaded",
      resourceType: "dataset",
      resourceId: dataset.id,
      details: {
        slug: dataset.slug,
        version: version.number,
        format,
        filtered,
        ...(format === "csv" && raw ? { raw } : {}),
        ...(actor.link ? { link: actor.link.id } : {}),
      },
      variant: `${format}:${version.number}:${filtered ? JSON.stringify(query) : "all"}${raw ? ":raw" : ""}`,
    });
  };

  // A scoped reader never gets the stored file: their Parquet is written from their slice.
  if (format === "parquet" && !filtered && !scope) {
    await recordDownload();
    return {
      body: fs.createReadStream(parquetPath, { highWaterMark: 1 << 20 }),
      filename,
      contentType: CONTENT_TYPES.parquet,
      size: Number(version.sizeBytes),
    };
  }

  const rowNumber = hasRowNumber(columns);
  const built = buildQuery(visibleColumns(columns, scope), query, {
    rowNumber,
    all: true,
    ...(format === "csv" && !raw ? { project: neutraliseFormulas } : {}),
  });
  const slots = await takeExportSlots(actor);
  const dir = path.join(catalogTempDir(), `export-${randomBytes(8).toString("hex")}`);
  try {
    await fsp.mkdir(dir, { recursive: true });
    const target = path.join(dir, `data.${format}`);
    await withSandbox({ readFiles: [parquetPath], writeDir: dir }, async (db) => {
      await createDataView(db, parquetPath, rowNumber, scope ? { scope, columns } : null);
      await withQueryTimeout(
        db,
        async () => {
          await checkTypedParams(db, built.typedParams);
          await copyCapped(db, dir, () =>
            db.run(`COPY (${built.sql}) TO ${quoteLiteral(target)} (${COPY_OPTIONS[format]})`, built.params),
          );
        },
        "preparing the download",
      );
    });
    const { size } = await fsp.stat(target);
    await recordDownload();
    return { body: streamAndDelete(target, dir, slots.release), filename, contentType: CONTENT_TYPES[format], size };
  } catch (error) {
    slots.release();
    await fsp.rm(dir, { recursive: true, force: true });
    if (isDiskFull(error)) throw storageFull("preparing the download");
    throw error;
  }
}
