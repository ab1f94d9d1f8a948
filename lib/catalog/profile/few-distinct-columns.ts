import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteLiteral } from "../sql";

/**
 * The columns of a Parquet file that hold at most `limit` distinct values, known from its footer
 * alone (no row is read): every row group of the column is dictionary-encoded and the dictionaries'
 * sizes add up to at most `limit`, an upper bound of the column's distinct values. An exact
 * distinct count of such a column is cheap (a small hash table), so the profile needs no sample to
 * find that out. Other columns are simply not named (a dictionary that overflowed, or none).
 * Rule: for profiling a whole version only; a slice's profile never consults the whole file.
 */
export async function fewDistinctColumns(
  connection: DuckDBConnection,
  parquetPath: string,
  limit: number,
): Promise<Set<string>> {
  const file = quoteLiteral(parquetPath);
  const reader = await connection.runAndReadAll(
    `WITH m AS (SELECT * FROM parquet_metadata(${file}))
     SELECT path_in_schema AS name FROM m
     GROUP BY path_in_schema
     HAVING count(*) = (SELECT count(DISTINCT row_group_id) FROM m)
        AND count(stats_distinct_count) = count(*)
        AND sum(stats_distinct_count) <= ${Math.floor(limit)}`,
  );
  return new Set((reader.getRowObjectsJson() as { name: string }[]).map((r) => String(r.name)));
}
