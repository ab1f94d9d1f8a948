import { z } from "zod";
import type { JsonValue } from "@/lib/db/json";

/** A column of a dataset: its name as in the source file and its DuckDB type (e.g. "BIGINT", "VARCHAR"). */
export type Column = { name: string; type: string };

export const SOURCE_FORMATS = ["csv", "tsv", "json", "jsonl", "parquet"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const INGEST_MODES = ["create", "append", "replace"] as const;
export type IngestMode = (typeof INGEST_MODES)[number];

export const VISIBILITIES = ["private", "listed", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export type VersionKind = IngestMode | "restore";

const columnsSchema = z.array(z.object({ name: z.string(), type: z.string() }));
const tagsSchema = z.array(z.string());

/** A `columns` Json column (Dataset, DatasetVersion, DatasetIngest) as the schema it holds. */
export function parseColumns(value: JsonValue): Column[] {
  return columnsSchema.parse(value);
}

/** Dataset.tags as the list of tags it holds. */
export function parseTags(value: JsonValue): string[] {
  return tagsSchema.parse(value);
}
