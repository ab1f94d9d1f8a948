import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError } from "@/lib/util/errors";
import { catalogConfig } from "../config";

/** Runs a query, interrupting it when it outlives CATALOG_QUERY_TIMEOUT_MS. */
export async function withQueryTimeout<T>(connection: DuckDBConnection, run: () => Promise<T>): Promise<T> {
  const { queryTimeoutMs } = catalogConfig();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, queryTimeoutMs);
  try {
    return await run();
  } catch (error) {
    if (timedOut) {
      throw new AppError("invalid", `The query took longer than ${Math.round(queryTimeoutMs / 1000)} s and was stopped. Add a filter or sort by fewer columns.`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
