import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parquetCompression } from "@/lib/config/parquet-compression";
import { AppError, invalid } from "@/lib/util/errors";
import { readError } from "../duckdb/errors";
import { withSandbox } from "../duckdb/sandbox";
import { isScalarType, quoteIdent, quoteLiteral } from "../sql";
import type { Column, SourceFormat } from "../types";
import { catalogConfig } from "../config";
import { checkCsv, csvDialect, type CsvDialect } from "./csv-check";
import { type CsvEncoding, type IngestOptions, hasDialectOptions } from "./ingest-options";
import { checkJson } from "./json-check";
import { findBadJsonLine } from "./jsonl-check";
import { hasNulByte } from "./nul-scan";
import { describeColumns, schemaMismatch } from "./schema-match";
import { assertOverridesFit, planSteering, steeredRelation } from "./steer-columns";
import { detectEncoding, transcodeWindows1252 } from "./text-encoding";
import {
  assertConvertedWithinLimits,
  assertNesting,
  assertParquetSourceWithinLimits,
  assertRowLimit,
} from "./size-limits";

export type ConvertSource = { path: string; name: string; format: SourceFormat };
/** For an append: the current version's Parquet file and schema, which the new rows must fit. */
export type ConvertBase = { path: string; columns: Column[] };
/** How a delimited file was read: what the uploader chose, or else what was detected. */
export type CsvReading = { delimiter: string; header: boolean; quote: string; encoding: CsvEncoding };
export type Converted = {
  /** the converted Parquet's columns (an append: the dataset's) */
  columns: Column[];
  rowCount: number;
  addedRows: number;
  sizeBytes: number;
  /** the file's columns as read, before any rename or type override */
  sourceColumns: Column[];
  /** the file's columns after the uploader's renames and types */
  fileColumns: Column[];
  /** an append whose columns do not fit the dataset, converted alone for review (see ConvertOptions) */
  blocked: boolean;
  csv: CsvReading | null;
};
export type ConvertOptions = {
  read?: IngestOptions;
  /** an append whose columns do not fit is converted alone (blocked, for the review to explain) instead of refused */
  allowBlocked?: boolean;
};

type CsvRead = CsvDialect & CsvReading;
type ReaderOptions = { fullSample?: boolean; types?: Column[] };

/** The DuckDB table function reading the upload, with every dialect option explicit (no guessing of skipped rows). */
function readerSql(source: ConvertSource, csv: CsvRead | null, options: ReaderOptions = {}): string {
  const file = quoteLiteral(source.path);
  switch (source.format) {
    case "csv":
    case "tsv": {
      const parts = [
        file,
        `delim = ${quoteLiteral(csv!.delimiter)}`,
        `header = ${csv!.header}`,
        "skip = 0",
        `quote = ${quoteLiteral(csv!.quote)}`,
        `escape = ${quoteLiteral(csv!.quote)}`,
        "comment = ''",
        // A row with too few or too many values, or a quote never closed, fails the conversion.
        "strict_mode = true",
        "null_padding = false",
        "ignore_errors = false",
      ];
      if (csv!.newLine) parts.push(`new_line = ${quoteLiteral(csv!.newLine)}`);
      // Windows-1252 arrives transcoded to UTF-8 (see text-encoding.ts); DuckDB reads the others itself.
      if (csv!.encoding === "latin-1" || csv!.encoding === "utf-16")
        parts.push(`encoding = ${quoteLiteral(csv!.encoding)}`);
      if (options.fullSample) parts.push("sample_size = -1");
      const typed = options.types?.filter((c) => isScalarType(c.type)) ?? [];
      if (typed.length > 0)
        parts.push(`types = {${typed.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(", ")}}`);
      return `read_csv(${parts.join(", ")})`;
    }
    case "json":
      return `read_json(${file}, format = 'array', records = true)`;
    case "jsonl":
      return `read_json(${file}, format = 'newline_delimited', records = true)`;
    case "parquet":
      return `read_parquet(${file})`;
  }
}

/** JSON with nothing in it gets the same message as an empty CSV (DuckDB would say it found no objects). */
async function assertJsonHasContent(source: ConvertSource): Promise<void> {
  if (source.format !== "json" && source.format !== "jsonl") return;
  const handle = await fsp.open(source.path, "r");
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, 256, 0);
    const { size } = await handle.stat();
    const head = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim();
    if (size <= 256 && (head === "" || /^\[\s*\]$/.test(head)))
      throw invalid(head === "" ? "The file is empty." : "The file has no rows (an empty JSON array).");
  } finally {
    await handle.close();
  }
}

/** How an appended column becomes the dataset's type: as is, or cast (only to a plain scalar type). */
function fitExpression(column: Column, sourceType: string): string {
  const id = quoteIdent(column.name);
  if (sourceType === column.type) return id;
  return `CAST(${id} AS ${column.type}) AS ${id}`; // column.type is a whitelisted scalar (checked by schemaMismatch)
}

/** After a failed cast: the first column and value of the file that does not fit the dataset's type. */
async function explainCastFailure(
  db: DuckDBConnection,
  reader: string,
  base: Column[],
  sourceTypes: Map<string, string>,
): Promise<AppError | null> {
  for (const column of base) {
    if (sourceTypes.get(column.name) === column.type) continue;
    const id = quoteIdent(column.name);
    const result = await db.runAndReadAll(
      `SELECT CAST(${id} AS VARCHAR) FROM ${reader} WHERE ${id} IS NOT NULL AND TRY_CAST(${id} AS ${column.type}) IS NULL LIMIT 1`,
    );
    const value = result.getRowsJson()[0]?.[0];
    if (value !== undefined)
      return invalid(
        `Column "${column.name}" is ${column.type} in the dataset, but the file has the value "${String(value)}" there, which is not a valid ${column.type}.`,
      );
  }
  return null;
}

/** Rows of a Parquet file, from its footer. */
async function countRows(db: DuckDBConnection, file: string): Promise<number> {
  const result = await db.runAndReadAll(
    `SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(${quoteLiteral(file)})`,
  );
  return Number(result.getRowsJson()[0]![0]);
}

/**
 * Why DuckDB refused a delimited file (or found no rows in it), naming the line: the
 * line-by-line check runs only then, so a valid file is read once, by DuckDB. Returns the
 * check's message, or null when it finds nothing wrong (DuckDB's own error is then the answer).
 */
async function explainCsv(source: ConvertSource, csv: CsvRead): Promise<AppError | null> {
  // The line check knows RFC 4180 quoting of 8-bit text with a header line, nothing else.
  if (csv.encoding === "utf-16" || csv.quote !== '"' || !csv.header) return null;
  try {
    await checkCsv(source.path, csv.delimiter);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/**
 * Converts an uploaded file to one Parquet file at `target` (zstd), inside a DuckDB sandbox that
 * can read only the upload (and, for an append, the current version) and write only next to
 * `target`. Types are inferred from a sample and, if a later row contradicts the sample, from
 * the whole file. An append must have the dataset's columns (any order); its values are
 * converted to the dataset's types or the ingest fails naming the column and value. Nothing is
 * left at `target` when it fails.
 *
 * CSV/TSV are parsed by DuckDB alone, with every dialect option explicit and strict (a row with
 * the wrong number of values or a quote never closed fails it), while the file is searched for
 * NUL bytes (binary content); only a file refused that way is checked line by line, for a
 * message naming the line. The row count comes from the conversion itself.
 *
 * Size and shape limits (see size-limits.ts) are checked as early as the format allows: JSON for
 * UTF-8 and nesting before DuckDB reads it, a Parquet footer's rows and bytes before converting,
 * column types before converting, and the result after (its row count against CATALOG_MAX_ROWS,
 * as COPY reports it).
 */
export async function convertToParquet(
  source: ConvertSource,
  target: string,
  base?: ConvertBase,
  options: ConvertOptions = {},
): Promise<Converted> {
  try {
    return await convertOnce(source, target, base, options);
  } catch (error) {
    // The encoding was detected from the first 64 KiB, which were UTF-8, but a later line is
    // not: such a file is Windows-1252 (or Latin-1) text with its accents further down.
    const detected = (source.format === "csv" || source.format === "tsv") && options.read?.encoding === undefined;
    if (detected && error instanceof AppError && /the file is not UTF-8 text/.test(error.message))
      return convertOnce(source, target, base, { ...options, read: { ...options.read, encoding: "windows-1252" } });
    throw error;
  }
}

async function convertOnce(
  source: ConvertSource,
  target: string,
  base: ConvertBase | undefined,
  options: ConvertOptions,
): Promise<Converted> {
  const { maxNesting } = catalogConfig();
  const read = options.read ?? {};
  const delimited = source.format === "csv" || source.format === "tsv";
  if (!delimited && hasDialectOptions(read))
    throw invalid("The delimiter, header, quote and encoding options apply to CSV and TSV files only.");
  const transcoded = path.join(path.dirname(target), `source-${path.basename(target)}.utf8`);
  let csv: CsvRead | null = null;
  if (delimited) {
    const encoding = read.encoding ?? (await detectEncoding(source.path));
    if (encoding === "windows-1252") {
      await transcodeWindows1252(source.path, transcoded);
      source = { ...source, path: transcoded };
    }
    const dialect = await csvDialect(source.path, read.delimiter ?? (source.format === "tsv" ? "\t" : undefined));
    csv = { ...dialect, header: read.header ?? true, quote: read.quote ?? '"', encoding };
  }
  await assertJsonHasContent(source);
  if (source.format === "json" || source.format === "jsonl") await checkJson(source.path, source.format, maxNesting);
  // UTF-16 text is full of NUL bytes; only 8-bit text is searched for binary content.
  // Searched while DuckDB converts, started once the sandbox is open: started before, its reads held up opening the
  // sandbox (17 ms alone, 28–78 ms beside the search in a 1M-row ingest).
  let binary: Promise<boolean> = Promise.resolve(false);
  const access = { readFiles: base ? [source.path, base.path] : [source.path], writeDir: path.dirname(target) };
  try {
    const converted = await withSandbox(access, async (db) => {
      if (csv && csv.encoding !== "utf-16") {
        binary = hasNulByte(source.path);
        binary.catch(() => {}); // awaited below
      }
      const baseRows = base ? await countRows(db, base.path) : 0;
      if (source.format === "parquet") await assertParquetSourceWithinLimits(db, source.path, baseRows);
      // A delimited file read as it is (no dataset to fit, no column renamed or retyped) is described from the
      // converted Parquet, not before converting: describing it first made DuckDB sniff it twice, a sixth of a
      // 1M-row conversion. The columns and types are the same either way (the conversion is SELECT *).
      const asIs = csv !== null && !base && !read.columns?.length;
      const checkColumns = (columns: Column[]) => {
        if (columns.length === 0) throw invalid("The file has no columns.");
        assertNesting(columns);
        return planSteering(columns, read.columns);
      };
      let sourceColumns = asIs ? [] : await describeColumns(db, readerSql(source, csv));
      const steering = asIs ? planSteering([]) : checkColumns(sourceColumns);
      let fileColumns = steering.columns;
      const mismatch = base ? schemaMismatch(base.columns, fileColumns, csv !== null) : null;
      if (mismatch && !options.allowBlocked) throw mismatch;
      const append = base && !mismatch ? base : undefined;
      const priorRows = append ? baseRows : 0;
      // A delimited file's overridden columns are read as text, so the conversion sees each value as
      // written (leading zeros, exact decimals); an append reads the rest as the dataset's types.
      const sourceNameOf = new Map(sourceColumns.map((c, i) => [fileColumns[i]!.name, c.name]));
      const readTypes = (): Column[] | undefined => {
        if (!csv) return undefined;
        const types = [...steering.casts.keys()].map((name) => ({ name, type: "VARCHAR" }));
        for (const column of append?.columns ?? []) {
          const sourceName = sourceNameOf.get(column.name);
          if (sourceName !== undefined && !steering.casts.has(sourceName))
            types.push({ name: sourceName, type: column.type });
        }
        return types;
      };
      let reader = readerSql(source, csv, { types: readTypes() });
      await assertOverridesFit(db, reader, sourceColumns, steering);
      let relation = steeredRelation(reader, sourceColumns, steering);
      const sourceTypes = new Map(fileColumns.map((c) => [c.name, c.type]));
      let select = `SELECT * FROM ${relation}`;
      if (append) {
        const fitted = await describeColumns(db, relation);
        const fittedTypes = new Map(fitted.map((c) => [c.name, c.type]));
        select = `SELECT * FROM read_parquet(${quoteLiteral(append.path)}) UNION ALL SELECT ${append.columns.map((c) => fitExpression(c, fittedTypes.get(c.name)!)).join(", ")} FROM ${relation}`;
        sourceTypes.clear();
        for (const [name, type] of fittedTypes) sourceTypes.set(name, type);
      }
      // COPY answers how many rows it wrote, which the row limit is checked against. No LIMIT on the
      // query: it took DuckDB's parallel, order-keeping write away (a 5M-row CSV took twice as long);
      // a file over the limit costs one conversion bounded by the upload size limit, then is refused.
      const copy = async (query: string) => {
        const result = await db.runAndReadAll(
          `COPY (${query}) TO ${quoteLiteral(target)} (FORMAT parquet, COMPRESSION ${parquetCompression()})`,
        );
        return Number(result.getRowsJson()[0]![0]);
      };
      let rowCount: number;
      try {
        rowCount = await copy(select);
      } catch (error) {
        const message = error instanceof Error ? error.message : "";
        if (!/Conversion Error|Could not convert/.test(message)) throw error;
        if (append) throw (await explainCastFailure(db, relation, append.columns, sourceTypes)) ?? error;
        if (!csv) throw error;
        // The sampled rows suggested a type a later row contradicts: infer from every row instead.
        reader = readerSql(source, csv, { fullSample: true, types: readTypes() });
        relation = steeredRelation(reader, sourceColumns, steering);
        rowCount = await copy(`SELECT * FROM ${relation}`);
      }
      assertRowLimit(rowCount - priorRows, priorRows);
      if (rowCount - priorRows === 0)
        throw (csv && (await explainCsv(source, csv))) || invalid("The file has no rows.");
      await assertConvertedWithinLimits(db, target, priorRows);
      const columns = await describeColumns(db, `read_parquet(${quoteLiteral(target)})`);
      if (asIs) {
        sourceColumns = columns;
        fileColumns = checkColumns(columns).columns;
      }
      const { size } = await fsp.stat(target);
      return {
        columns,
        rowCount,
        addedRows: rowCount - priorRows,
        sizeBytes: size,
        sourceColumns,
        fileColumns: mismatch ? columns : fileColumns,
        blocked: mismatch !== null,
        csv: csv && { delimiter: csv.delimiter, header: csv.header, quote: csv.quote, encoding: csv.encoding },
      };
    });
    if (csv && (await binary)) {
      const explained = await explainCsv(source, csv);
      if (explained) throw explained;
    }
    return converted;
  } catch (error) {
    await fsp.rm(target, { force: true });
    if (csv && !(error instanceof AppError))
      throw (await explainCsv(source, csv)) ?? readError(error, source.format, source.path, source.name);
    if (source.format === "jsonl" && !(error instanceof AppError))
      throw (await findBadJsonLine(source.path)) ?? readError(error, source.format, source.path, source.name);
    throw readError(error, source.format, source.path, source.name);
  } finally {
    await fsp.rm(transcoded, { force: true });
  }
}
