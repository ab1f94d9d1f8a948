import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError } from "@/lib/util/errors";
import { catalogConfig } from "../config";
import { isDiskFull, isSpillLimit, storageFull } from "./errors";

// Connections an interrupt was sent to: the interrupt may land after the query finished, so
// such a connection is closed on release instead of going back to the pool (see dataset-db.ts).
const interrupted = new WeakSet<DuckDBConnection>();

/** True when withQueryTimeout interrupted this connection at some point. */
export function wasInterrupted(connection: DuckDBConnection): boolean {
  return interrupted.has(connection);
}

/**
 * Runs a query, interrupting it when it outlives CATALOG_QUERY_TIMEOUT_MS. A full disk while it
 * spills is 507 and a spill beyond CATALOG_MAX_SPILL_BYTES is 413, both without DuckDB's text.
 */
export async function withQueryTimeout<T>(
  connection: DuckDBConnection,
  run: () => Promise<T>,
  what = "running the query",
): Promise<T> {
  const { queryTimeoutMs } = catalogConfig();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    interrupted.add(connection);
    connection.interrupt();
  }, queryTimeoutMs);
  try {
    return await run();
  } catch (error) {
    if (timedOut) {
      throw new AppError(
        "invalid",
        `The query took longer than ${Math.round(queryTimeoutMs / 1000)} s and was stopped. Add a filter or sort by fewer columns.`,
      );
    }
    if (isDiskFull(error)) throw storageFull(what);
    if (isSpillLimit(error))
      throw new AppError(
        "too_large",
        "This query needs more temporary space than the server allows. Add a filter or sort by fewer columns.",
      );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
