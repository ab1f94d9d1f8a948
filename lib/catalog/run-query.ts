import "server-only";
import type { DuckDBConnection, Json } from "@duckdb/node-api";
import { invalid } from "@/lib/util/errors";
import { type Scope, scopeKey, visibleColumns } from "@/lib/scopes";
import { withDatasetDb } from "./duckdb/dataset-db";
import { cachedRows } from "./duckdb/page-cache";
import { runPrepared } from "./duckdb/prepared";
import { ROW_NUMBER_COLUMN } from "./duckdb/names";
import { withQueryTimeout } from "./duckdb/timeout";
import type { DatasetQuery } from "./query-schema";
import { type BuiltQuery, type TypedParam, buildQuery, decodeCursor, encodeCursor, rowsByNumberSql } from "./query-sql";
import type { Column } from "./types";

/**
 * One Parquet file with its schema: a dataset version, or an upload waiting for confirmation.
 * `scope`: the slice a scoped reader is limited to (lib/scopes); the query then sees only it.
 */
export type QuerySource = { parquetPath: string; columns: Column[]; rowCount: number; scope?: Scope | null };

export type QueryResult = {
  columns: Column[];
  /** JSON-safe values: 64-bit integers, decimals and dates as strings, nested values as JSON */
  rows: Json[][];
  /** rows matching the filters */
  total: number;
  offset: number;
  limit: number;
  nextCursor: string | null;
};

/** The source's file may have a column literally named like the reader's row number; then sorting goes without the tie-breaker. */
export function hasRowNumber(columns: Column[]): boolean {
  return !columns.some((c) => c.name === ROW_NUMBER_COLUMN);
}

/** Refuses a filter value that is not valid for its column's type, naming the column. */
export async function checkTypedParams(db: DuckDBConnection, typed: TypedParam[]): Promise<void> {
  for (const p of typed) {
    // p.type is a whitelisted scalar type (buildQuery only casts to those); the value stays bound.
    const result = await runPrepared(db, `SELECT TRY_CAST($1 AS ${p.type}) IS NULL`, [p.value]);
    if (result.getRowsJson()[0]?.[0] === true) {
      throw invalid(`Filter on "${p.column}": "${p.value}" is not a valid ${p.type} value.`, {
        [p.column]: `Not a valid ${p.type}`,
      });
    }
  }
}

/**
 * Runs a page read whose filters cast values to their columns' types, checking those values only when the answer
 * could hide a bad one. Rule: a value that is not valid for its column is always refused with checkTypedParams'
 * message naming the column, never answered as "no rows". A cast is evaluated for every row the filters keep (they
 * are joined by AND), so a read that counted at least one matching row cast every value without error; a bad value
 * makes the read fail or match nothing, and only then is each value checked (then the read's own error is rethrown
 * if every value is valid). Saves the grid's filtered page one DuckDB round trip before its query.
 */
async function checkedByQuery<T extends { total: number }>(
  db: DuckDBConnection,
  typed: TypedParam[],
  read: () => Promise<T>,
): Promise<T> {
  if (typed.length === 0) return read();
  let answer: T;
  try {
    answer = await read();
  } catch (error) {
    await checkTypedParams(db, typed);
    throw error;
  }
  if (answer.total === 0) await checkTypedParams(db, typed);
  return answer;
}

// Matching-row counts per (file, filters). A version's Parquet file never changes, so a count
// stays true for as long as the file exists: paging through a filtered view counts once.
const COUNT_CACHE_SIZE = 1000;
const globalForCounts = globalThis as unknown as { datashelfRowCounts?: Map<string, number> };
const counts = (globalForCounts.datashelfRowCounts ??= new Map<string, number>());

const countKey = (viewKey: string, built: BuiltQuery) => JSON.stringify([viewKey, built.countSql, built.params]);

function rememberCount(key: string, total: number): void {
  if (counts.size >= COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value!);
  counts.set(key, total);
}

async function countRows(db: DuckDBConnection, viewKey: string, built: BuiltQuery): Promise<number> {
  const key = countKey(viewKey, built);
  const cached = counts.get(key);
  if (cached !== undefined) return cached;
  const total = Number((await runPrepared(db, built.countSql, built.params)).getRowsJson()[0]![0]);
  rememberCount(key, total);
  return total;
}

/** The rows with these file row numbers, in the numbers' order. */
async function rowsByNumber(db: DuckDBConnection, built: BuiltQuery, numbers: string[]): Promise<Json[][]> {
  if (numbers.length === 0) return [];
  const byNumber = new Map<string, Json[]>();
  const sql = rowsByNumberSql(built.columns, numbers);
  for (const row of await cachedRows(db, sql, [], async () => (await db.runAndReadAll(sql)).getRowsJson()))
    byNumber.set(String(row[row.length - 1]), row.slice(0, -1));
  return numbers.map((n) => byNumber.get(n)!);
}

/** The page's rows: directly, or for sorted pages in two steps (see BuiltQuery.pageKeysSql). */
async function readPage(db: DuckDBConnection, built: BuiltQuery): Promise<Json[][]> {
  const run = async (sql: string) => (await runPrepared(db, sql, built.params)).getRowsJson();
  if (!built.pageKeysSql) return cachedRows(db, built.sql, built.params, () => run(built.sql));
  const keysSql = built.pageKeysSql;
  const numbers = (await cachedRows(db, keysSql, built.params, () => run(keysSql))).map((r) => String(r[0]));
  return rowsByNumber(db, built, numbers);
}

/**
 * The most a one-scan page (BuiltQuery.pageKeysAndCountSql) may keep if every row of the file matched: beyond it the
 * page and the count are two scans that keep nothing, so a broad filter on a very large file cannot exhaust DuckDB's
 * memory and spill space (10M rows sorted by one number: 240 MB; 50M rows: two scans).
 */
const ONE_SCAN_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A sorted page and its total when the total is not known yet (a new filter): the row numbers and the count from one
 * scan (BuiltQuery.pageKeysAndCountSql), then the page's rows. The count is remembered like countRows' own.
 */
async function readPageAndCount(
  db: DuckDBConnection,
  built: BuiltQuery & { pageKeysAndCountSql: string },
  countCacheKey: string,
): Promise<{ rows: Json[][]; total: number }> {
  const [numbers, total] = (await runPrepared(db, built.pageKeysAndCountSql, built.params)).getRowsJson()[0]! as [
    Json[] | null,
    Json,
  ];
  rememberCount(countCacheKey, Number(total));
  return { rows: await rowsByNumber(db, built, (numbers ?? []).map(String)), total: Number(total) };
}

/**
 * Runs a structured query (already validated by datasetQuerySchema) on one Parquet file. For a
 * scoped source the query is built on the visible columns only (a hidden one is an "Unknown
 * column" like a missing one) and runs on the slice's view; its total is always counted on the
 * slice, never the stored row count of the whole file.
 */
export async function runQuery(source: QuerySource, query: DatasetQuery): Promise<QueryResult> {
  const offset = query.cursor ? decodeCursor(query.cursor) : query.offset;
  const rowNumber = hasRowNumber(source.columns);
  const scope = source.scope ?? null;
  const built = buildQuery(visibleColumns(source.columns, scope), { ...query, offset }, { rowNumber });
  const slice = scope ? { scope, columns: source.columns } : null;
  const viewKey = JSON.stringify([source.parquetPath, scopeKey(scope)]);
  return withDatasetDb(
    source.parquetPath,
    rowNumber,
    (db) =>
      withQueryTimeout(db, async () => {
        const counted = query.filters.length > 0 || scope !== null;
        const cacheKey = countKey(viewKey, built);
        const oneScan =
          built.pageKeysAndCountSql !== undefined &&
          source.rowCount * (built.matchedRowBytes ?? Infinity) <= ONE_SCAN_MAX_BYTES;
        const { rows, total } = await checkedByQuery(db, built.typedParams, async () =>
          counted && oneScan && built.pageKeysAndCountSql && !counts.has(cacheKey)
            ? await readPageAndCount(db, { ...built, pageKeysAndCountSql: built.pageKeysAndCountSql }, cacheKey)
            : {
                rows: await readPage(db, built),
                total: counted ? await countRows(db, viewKey, built) : source.rowCount,
              },
        );
        const next = offset + rows.length;
        return {
          columns: built.columns,
          rows,
          total,
          offset,
          limit: query.limit,
          nextCursor: next < total ? encodeCursor(next) : null,
        };
      }),
    slice,
  );
}

/** The number of rows a scoped reader's slice of a file holds (counted on the slice, cached per file and scope). */
export async function sliceRowCount(source: QuerySource & { scope: Scope }): Promise<number> {
  return (await runQuery(source, { filters: [], sort: [], limit: 1, offset: 0 })).total;
}
