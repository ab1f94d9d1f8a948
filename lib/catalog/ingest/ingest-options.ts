import { z } from "zod";
import { ROW_NUMBER_COLUMN } from "../duckdb/names";

/** Text encodings a delimited file may be read in (DuckDB reads UTF-8, Latin-1 and UTF-16; Windows-1252 is transcoded first). */
export const CSV_ENCODINGS = ["utf-8", "latin-1", "windows-1252", "utf-16"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const ENCODING_LABELS: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "latin-1": "Latin-1 (ISO-8859-1)",
  "windows-1252": "Windows-1252 (Western European)",
  "utf-16": "UTF-16 (with byte-order mark)",
};

/** The types a column can be given at review: plain scalars every part of the catalog handles. */
export const OVERRIDE_TYPES = [
  "VARCHAR",
  "BIGINT",
  "INTEGER",
  "DOUBLE",
  "DECIMAL(18,2)",
  "DECIMAL(38,9)",
  "BOOLEAN",
  "DATE",
  "TIMESTAMP",
  "TIMESTAMP WITH TIME ZONE",
  "TIME",
] as const;

const DECIMAL = /^DECIMAL\((\d{1,2}),(\d{1,2})\)$/;

/** A cast target given by a client: one of OVERRIDE_TYPES or any DECIMAL(p,s) DuckDB accepts. */
export function isOverrideType(type: string): boolean {
  if ((OVERRIDE_TYPES as readonly string[]).includes(type)) return true;
  const decimal = DECIMAL.exec(type);
  if (!decimal) return false;
  const [precision, scale] = [Number(decimal[1]), Number(decimal[2])];
  return precision >= 1 && precision <= 38 && scale <= precision;
}

export const MAX_COLUMN_NAME = 128;

/** Why a column name is refused, or null: it must be readable in every tool that gets the Parquet file. */
export function columnNameProblem(name: string): string | null {
  if (name.trim() === "") return "A column name cannot be empty.";
  if (name !== name.trim()) return "A column name cannot start or end with a space.";
  if (name.length > MAX_COLUMN_NAME) return `A column name has at most ${MAX_COLUMN_NAME} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return "A column name cannot contain control characters (tabs, line breaks).";
  if (name.toLowerCase() === ROW_NUMBER_COLUMN) return `"${ROW_NUMBER_COLUMN}" is reserved for the row number.`;
  return null;
}

const singleCharacter = (what: string) =>
  z
    .string()
    .refine((s) => [...s].length === 1 && s.length === 1, `The ${what} is one character (a tab is "\\t").`)
    .refine((s) => s !== "\n" && s !== "\r", `The ${what} cannot be a line break.`);

export const columnOverrideSchema = z
  .object({
    source: z.string().min(1, "Name the column as the file has it (source).").max(1000),
    name: z
      .string()
      .optional()
      .superRefine((name, context) => {
        const problem = name === undefined ? null : columnNameProblem(name);
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .describe("the column's new name"),
    type: z
      .string()
      .transform((t) =>
        t
          .trim()
          .toUpperCase()
          .replace(/\s+/g, " ")
          .replace(/\s*([(),])\s*/g, "$1"),
      )
      .refine(isOverrideType, `The type is one of ${OVERRIDE_TYPES.join(", ")} or DECIMAL(p,s).`)
      .optional()
      .describe("the column's type; every value must fit it"),
  })
  .strict();
export type ColumnOverride = z.output<typeof columnOverrideSchema>;

/**
 * How an uploaded file is read. The dialect options apply to CSV and TSV only; any option left
 * out is detected (delimiter, encoding) or the default (header row, double quote).
 */
export const ingestOptionsSchema = z
  .object({
    delimiter: singleCharacter("delimiter").optional().describe('one character, e.g. ",", ";", "\\t" or "|"'),
    header: z.boolean().optional().describe("whether the first line names the columns (default true)"),
    quote: z
      .union([z.literal(""), singleCharacter("quote character")])
      .optional()
      .describe('the quote character (default "), or "" for none'),
    encoding: z
      .enum(CSV_ENCODINGS, { error: `The encoding is one of ${CSV_ENCODINGS.join(", ")}.` })
      .optional()
      .describe("the text encoding (detected when left out)"),
    columns: z
      .array(columnOverrideSchema)
      .max(2000)
      .optional()
      .describe("per column of the file: a new name and/or type"),
  })
  .strict()
  .superRefine((options, context) => {
    if (options.delimiter !== undefined && options.quote !== undefined && options.delimiter === options.quote)
      context.addIssue({ code: "custom", path: ["quote"], message: "The quote character and delimiter must differ." });
  });
export type IngestOptions = z.output<typeof ingestOptionsSchema>;

/** Whether `options` set any CSV-only reading option. */
export function hasDialectOptions(options: IngestOptions): boolean {
  return (
    options.delimiter !== undefined ||
    options.header !== undefined ||
    options.quote !== undefined ||
    options.encoding !== undefined
  );
}
