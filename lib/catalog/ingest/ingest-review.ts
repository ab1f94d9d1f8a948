import "server-only";
import type { Json } from "@duckdb/node-api";
import type { Actor } from "@/lib/access";
import { getBlobStore } from "@/lib/storage";
import { datasetPath } from "../dataset-view";
import { runQuery } from "../run-query";
import { datasetNameOf, datasetSlugOf } from "../schemas";
import { type Column, type IngestMode, type SourceFormat, parseColumns } from "../types";
import { type AppendChange, appendChanges } from "./append-diff";
import { authorizeIngest } from "./authorize-ingest";
import type { CsvReading } from "./convert";
import { type IngestOptions, ingestOptionsSchema } from "./ingest-options";
import { loadOwnIngest } from "./load-own-ingest";

export type ColumnChange = { name: string; before: string | null; after: string | null };

export type IngestReview = {
  id: string;
  mode: IngestMode;
  sourceName: string;
  sourceFormat: SourceFormat;
  columns: Column[];
  rowCount: number;
  addedRows: number;
  sizeBytes: number;
  expiresAt: string;
  preview: Json[][];
  /** create: a name and URL name suggested from the file name */
  suggested: { name: string; slug: string };
  /** append/replace: the dataset as it is now, and (replace) how the columns change */
  dataset: { name: string; path: string; version: number; rowCount: number; columns: Column[] } | null;
  columnChanges: ColumnChange[];
  /** how the file was read, and whether it can be read again with other options */
  reading: { options: IngestOptions; csv: CsvReading | null; rereadable: boolean };
  /** the file's columns as read (before renames and type overrides), with the uploader's choices */
  sourceColumns: Column[];
  /** append: every difference between the dataset's columns and the file's, and whether it blocks the append */
  appendChanges: AppendChange[];
  /** append: the file cannot be added as it is read now (see appendChanges) */
  blocked: boolean;
};

const csvReadingOf = (value: unknown): CsvReading | null =>
  value && typeof value === "object" ? (value as CsvReading) : null;

function diffColumns(before: Column[], after: Column[]): ColumnChange[] {
  const old = new Map(before.map((c) => [c.name, c.type]));
  const now = new Map(after.map((c) => [c.name, c.type]));
  const changes: ColumnChange[] = [];
  for (const c of before)
    if (now.get(c.name) !== c.type) changes.push({ name: c.name, before: c.type, after: now.get(c.name) ?? null });
  for (const c of after) if (!old.has(c.name)) changes.push({ name: c.name, before: null, after: c.type });
  return changes;
}

/** What the uploader sees before confirming: the inferred schema, the first rows, and what will change. */
export async function getIngestReview(actor: Actor, ingestId: string): Promise<IngestReview> {
  const ingest = await loadOwnIngest(actor, ingestId);
  const { workspace, dataset } = await authorizeIngest(actor, ingest);
  const columns = parseColumns(ingest.columns);
  const parquetPath = await getBlobStore().localPath(ingest.blobKey);
  // An append's Parquet is the current rows followed by the new ones: the review shows the new ones.
  const firstNewRow = ingest.mode === "append" ? Number(ingest.rowCount - ingest.addedRows) : 0;
  const preview = await runQuery(
    { parquetPath, columns, rowCount: Number(ingest.rowCount) },
    { filters: [], sort: [], limit: 20, offset: firstNewRow },
  );
  const current = dataset ? parseColumns(dataset.columns) : [];
  const name = datasetNameOf(ingest.sourceName);
  return {
    id: ingest.id,
    mode: ingest.mode,
    sourceName: ingest.sourceName,
    sourceFormat: ingest.sourceFormat as SourceFormat,
    columns,
    rowCount: Number(ingest.rowCount),
    addedRows: Number(ingest.addedRows),
    sizeBytes: Number(ingest.sizeBytes),
    expiresAt: ingest.expiresAt.toISOString(),
    preview: preview.rows,
    suggested: { name, slug: datasetSlugOf(name) },
    dataset: dataset
      ? {
          name: dataset.name,
          path: datasetPath(workspace.owner, workspace.slug, dataset.slug),
          version: dataset.version,
          rowCount: Number(dataset.rowCount),
          columns: current,
        }
      : null,
    columnChanges: dataset && ingest.mode === "replace" ? diffColumns(current, columns) : [],
    reading: {
      options: ingestOptionsSchema.catch({}).parse(ingest.readOptions ?? {}),
      csv: csvReadingOf(ingest.csvReading),
      rereadable: ingest.sourceBlobKey !== null,
    },
    sourceColumns: ingest.sourceColumns ? parseColumns(ingest.sourceColumns) : columns,
    appendChanges:
      dataset && ingest.mode === "append"
        ? appendChanges(
            current,
            ingest.fileColumns ? parseColumns(ingest.fileColumns) : columns,
            ingest.sourceFormat === "csv" || ingest.sourceFormat === "tsv",
          )
        : [],
    blocked: ingest.blocked,
  };
}
