import { invalid } from "@/lib/util/errors";
import { SOURCE_FORMATS, type SourceFormat } from "./types";

const EXTENSIONS: Record<string, SourceFormat> = {
  csv: "csv",
  tsv: "tsv",
  tab: "tsv",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
  parquet: "parquet",
  pq: "parquet",
};

export const FORMAT_LABELS: Record<SourceFormat, string> = {
  csv: "CSV",
  tsv: "TSV",
  json: "JSON (array of objects)",
  jsonl: "JSON Lines",
  parquet: "Parquet",
};

/** The accept= list for file inputs. */
export const ACCEPTED_EXTENSIONS = Object.keys(EXTENSIONS)
  .map((e) => `.${e}`)
  .join(",");

/** The upload's format: the declared one if given, otherwise from the file name's extension. */
export function detectFormat(filename: string, declared?: string): SourceFormat {
  if (declared) {
    if ((SOURCE_FORMATS as readonly string[]).includes(declared)) return declared as SourceFormat;
    throw invalid(`Unknown format "${declared}". Use one of: ${SOURCE_FORMATS.join(", ")}.`);
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  const format = ext ? EXTENSIONS[ext] : undefined;
  if (!format) {
    throw invalid(
      `${ext ? `".${ext}" files are` : "A file without an extension is"} not supported. Upload a CSV, TSV, JSON (array of objects), JSON Lines or Parquet file.`,
    );
  }
  return format;
}
