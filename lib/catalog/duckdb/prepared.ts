import "server-only";
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader, DuckDBValue } from "@duckdb/node-api";

/** Statements kept per pooled connection; the least recently used one is destroyed beyond this. */
const PER_CONNECTION = 32;

// Per connection, not shared: a pooled connection serves one request at a time, so its statements
// are never bound by two requests at once. A closed connection destroys its statements itself.
const statements = new WeakMap<DuckDBConnection, Map<string, Promise<DuckDBPreparedStatement>>>();

async function prepared(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  const hit = cache.get(sql);
  if (hit) {
    // Map order is insertion order: re-inserting marks it most recently used.
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const statement = connection.prepare(sql);
  cache.set(sql, statement);
  // A statement that failed to prepare (a type error in the SQL) is not kept.
  statement.catch(() => {
    if (cache.get(sql) === statement) cache.delete(sql);
  });
  if (cache.size > PER_CONNECTION) {
    const [oldest, evicted] = cache.entries().next().value!;
    cache.delete(oldest);
    void evicted.then(
      (s) => s.destroySync(),
      () => {},
    );
  }
  return statement;
}

/**
 * Runs one SQL statement with bound values and reads its whole result, preparing it once per
 * connection: a page of the grid or the API then skips DuckDB's parse and plan-preparation
 * round trips. Only for SQL whose text depends on the query's shape (see buildQuery); values
 * always go in `params`, never in the text.
 */
export async function runPrepared(
  connection: DuckDBConnection,
  sql: string,
  params: DuckDBValue[] = [],
): Promise<DuckDBResultReader> {
  const statement = await prepared(connection, sql);
  statement.bind(params);
  return statement.runAndReadAll();
}
