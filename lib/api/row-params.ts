import { z } from "zod";
import type { DatasetQueryInput } from "@/lib/catalog/query-schema";
import { invalid } from "@/lib/util/errors";

/**
 * Query parameters of GET /data/{owner}/{namespace}/{datasetName}. These schemas validate the
 * request and generate its OpenAPI parameters; the structured query itself is validated again
 * by the catalog's query service.
 */
export const rowsQuerySchema = z.object({
  format: z
    .enum(["json", "csv", "jsonl", "parquet"], { error: 'format is "json", "csv", "jsonl" or "parquet".' })
    .default("json")
    .describe(
      "json: one page of rows; csv, jsonl and parquet stream every matching row (limit and cursor do not apply).",
    ),
  limit: z.coerce
    .number({ error: "limit is a number" })
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe("rows per JSON page, 1–1000"),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  columns: z.string().max(100_000).optional().describe('columns to return: "a,b,c" or a JSON array ["a","b"]'),
  sort: z.string().max(10_000).optional().describe('sort keys: "-price,name" (minus = descending) or a JSON array'),
  filter: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe(
      'repeatable: "column:op[:value]" with op eq, contains, range (min..max), is_null, not_null; or one JSON array of filter objects',
    ),
  version: z.coerce.number().int().min(1).optional().describe("a dataset version (default: the current one)"),
  raw: z
    .enum(["true", "false", "1", "0"], { error: 'raw is "true" or "false".' })
    .optional()
    .describe(
      "csv only: true exports values exactly as stored; by default a text value starting with =, +, -, @, tab or CR gets a leading ' so spreadsheets do not run it as a formula",
    ),
});
export type RowsQuery = z.output<typeof rowsQuerySchema>;

const OPS = ["eq", "contains", "range", "is_null", "not_null"] as const;
const FILTER = new RegExp(`^(.+?):(${OPS.join("|")})(?::([\\s\\S]*))?$`);

function jsonList(text: string, what: string): unknown[] | null {
  if (!text.trimStart().startsWith("[")) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw invalid(`${what} is not a valid JSON array.`, { [what]: "Not a valid JSON array" });
}

/** "a,b" or '["a","b"]' → ["a", "b"]. */
export function parseColumns(text: string): string[] {
  return (
    (jsonList(text, "columns") as string[] | null) ??
    text
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean)
  );
}

/** "-price,name" → [{column: "price", direction: "desc"}, {column: "name", direction: "asc"}]; or a JSON array of those objects. */
export function parseSort(text: string): unknown[] {
  return (
    jsonList(text, "sort") ??
    text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((key) =>
        key.startsWith("-")
          ? { column: key.slice(1), direction: "desc" }
          : { column: key.replace(/^\+/, ""), direction: "asc" },
      )
  );
}

/**
 * One `filter` parameter: "column:op[:value]". The column is everything before the first
 * ":<op>" (so values may contain colons); a range value is "min..max" with either side optional.
 */
export function parseFilter(text: string): unknown {
  const match = FILTER.exec(text);
  if (!match)
    throw invalid(`Filter "${text.slice(0, 100)}" is not "column:op[:value]" with op ${OPS.join(", ")}.`, {
      filter: "Not a valid filter",
    });
  const [, column, op, value] = match as unknown as [string, string, (typeof OPS)[number], string | undefined];
  if (op === "is_null" || op === "not_null") return { column, op };
  if (value === undefined)
    throw invalid(`Filter "${text.slice(0, 100)}" needs a value after "${op}:".`, { filter: "Missing value" });
  if (op !== "range") return { column, op, value };
  const at = value.indexOf("..");
  if (at < 0)
    throw invalid(`A range filter's value is "min..max" (either side may be empty), not "${value.slice(0, 100)}".`, {
      filter: "Not a valid range",
    });
  const min = value.slice(0, at);
  const max = value.slice(at + 2);
  return { column, op, ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** Turns the validated URL parameters into the catalog's structured query. */
export function toDatasetQuery(q: RowsQuery): DatasetQueryInput {
  const filters =
    q.filter === undefined
      ? []
      : (Array.isArray(q.filter) ? q.filter : [q.filter]).flatMap((f) => jsonList(f, "filter") ?? [parseFilter(f)]);
  return {
    limit: q.limit,
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(q.columns ? { columns: parseColumns(q.columns) } : {}),
    ...(q.sort ? { sort: parseSort(q.sort) as DatasetQueryInput["sort"] } : {}),
    filters: filters as DatasetQueryInput["filters"],
  };
}

/** URLSearchParams → the object rowsQuerySchema parses (a repeated `filter` becomes a list). */
export function searchParamsObject(
  params: URLSearchParams,
  repeatable: string[] = ["filter"],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = repeatable.includes(key) && all.length > 1 ? all : all[0]!;
  }
  return out;
}
