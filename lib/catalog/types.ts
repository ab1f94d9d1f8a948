/** A column of a dataset: its name as in the source file and its DuckDB type (e.g. "BIGINT", "VARCHAR"). */
export type Column = { name: string; type: string };

export const SOURCE_FORMATS = ["csv", "tsv", "json", "jsonl", "parquet"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const INGEST_MODES = ["create", "append", "replace"] as const;
export type IngestMode = (typeof INGEST_MODES)[number];

export const VISIBILITIES = ["private", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export type VersionKind = IngestMode | "restore";

export function parseColumns(json: string): Column[] {
  return JSON.parse(json) as Column[];
}
