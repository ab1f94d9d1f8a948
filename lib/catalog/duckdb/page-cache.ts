import "server-only";
import type { DuckDBConnection, Json } from "@duckdb/node-api";

/** Values (cells) the cached pages of this process may hold together; the least recently used page goes first. */
const CACHE_CELLS = 250_000;
/** A page larger than this is read every time, so one big export-sized page cannot flush everyone else's. */
const LARGEST_PAGE_CELLS = CACHE_CELLS / 8;

const ids = new WeakMap<DuckDBConnection, number>();
let nextId = 0;
const pages = new Map<string, Json[][]>();
let cells = 0;

const cellsOf = (rows: Json[][]) => rows.length * (rows[0]?.length ?? 1);

/**
 * The rows of a read-only query on a pooled dataset connection, cached per connection. Rule: only for
 * deterministic SELECTs over a dataset version's Parquet view: that file never changes while its pool entry lives,
 * and a replaced or deleted file gets a new pool entry with new connections (lib/catalog/duckdb/dataset-db.ts), so
 * a page is never answered from another file's rows. Only DuckDB's work is cached: who may read the dataset is
 * still decided on every request before a connection is taken. Values are bound text only, so the key is exact.
 * Callers must not change the rows they get (they are shared by later requests).
 */
export async function cachedRows(
  connection: DuckDBConnection,
  sql: string,
  params: readonly string[],
  read: () => Promise<Json[][]>,
): Promise<Json[][]> {
  let id = ids.get(connection);
  if (id === undefined) ids.set(connection, (id = nextId++));
  const key = `${id}\u0000${sql}\u0000${JSON.stringify(params)}`;
  const hit = pages.get(key);
  if (hit) {
    pages.delete(key); // re-inserted: Map order is insertion order, so this marks it most recently used
    pages.set(key, hit);
    return hit;
  }
  const rows = await read();
  const size = cellsOf(rows);
  if (size > LARGEST_PAGE_CELLS) return rows;
  pages.set(key, rows);
  cells += size;
  for (const [oldest, page] of pages) {
    if (cells <= CACHE_CELLS) break;
    pages.delete(oldest);
    cells -= cellsOf(page);
  }
  return rows;
}
