import "server-only";
import { type DuckDBConnection, type Json, JsonDuckDBValueConverter } from "@duckdb/node-api";
import { type Actor, allows } from "@/lib/access";
import { withSandbox } from "@/lib/catalog/duckdb/sandbox";
import { loadReadableVersion } from "@/lib/catalog/load-dataset";
import { parseColumns } from "@/lib/catalog/types";
import { decodeCursor, encodeCursor } from "@/lib/catalog/query-sql";
import type { Column } from "@/lib/catalog/types";
import { getDb } from "@/lib/db";
import { visibleColumns } from "@/lib/scopes";
import { getBlobStore } from "@/lib/storage";
import { AppError, invalid, notFound } from "@/lib/util/errors";
import { analyzeSql } from "./analyze-sql";
import { consoleError } from "./clean-error";
import { sqlConsoleConfig } from "./config";
import type { DatasetRefName } from "./dataset-ref";
import { createDatasetView, type GrantedDataset } from "./dataset-views";
import { consoleQuerySchema } from "./query-input";
import { recordConsoleQuery } from "./record-query";
import { assertTotalsOnlyQuery, totalsOnlyGate } from "./totals-only";

export type ConsoleResult = {
  columns: Column[];
  /** JSON-safe values, as the dataset grid gets them */
  rows: Json[][];
  /** result rows counted, at most SQL_CONSOLE_MAX_RESULT_ROWS */
  total: number;
  /** true when the result has more rows than SQL_CONSOLE_MAX_RESULT_ROWS (total is then a lower bound) */
  truncated: boolean;
  offset: number;
  limit: number;
  nextCursor: string | null;
  /** the datasets the query read, with the version read */
  datasets: { name: string; version: number }[];
  /** false when any of them is view-only for the caller: the result cannot be downloaded */
  downloadable: boolean;
};

/** The message for a dataset that does not exist and for one the caller may not read: the same, on purpose. */
export function datasetUnavailable(name: string): AppError {
  return notFound(`Dataset "${name}" does not exist or you do not have access to it.`);
}

/**
 * Resolves the datasets a query names through lib/access ("summarise": a totals-only grantee's
 * queries are then held to totalsOnlyGate; everyone else reads what the grid shows), each to
 * the version it asks for (the current one by default). Rule: a dataset that does not exist and
 * one the caller cannot read give the same 404 naming it as written, so a query never tells
 * them apart; for an access link's visitor lib/access admits only what the link covers.
 */
export async function resolveDatasets(actor: Actor, refs: DatasetRefName[]): Promise<GrantedDataset[]> {
  const { maxDatasets } = sqlConsoleConfig();
  if (refs.length > maxDatasets) throw invalid(`A query can read at most ${maxDatasets} datasets.`);
  return Promise.all(
    refs.map(async (ref): Promise<GrantedDataset> => {
      const loaded = await loadReadableVersion(
        actor,
        { owner: ref.owner, namespace: ref.namespace, slug: ref.slug },
        "summarise",
        ref.version,
      ).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "not_found" && error.message === "Dataset not found")
          throw datasetUnavailable(ref.name);
        throw error;
      });
      const workspaceId = await workspaceOf(loaded.datasetId);
      const columns = parseColumns(loaded.version.columns);
      return {
        name: ref.name,
        datasetId: loaded.datasetId,
        workspaceId,
        version: loaded.version.number,
        parquetPath: await getBlobStore().localPath(loaded.version.blobKey),
        role: loaded.role,
        pinned: ref.version !== undefined,
        columns: visibleColumns(columns, loaded.scope),
        slice: loaded.scope ? { scope: loaded.scope, columns } : null,
      };
    }),
  );
}

async function workspaceOf(datasetId: string): Promise<string> {
  const row = await getDb().dataset.findUnique({ where: { id: datasetId }, select: { workspaceId: true } });
  if (!row) throw notFound("Dataset not found");
  return row.workspaceId;
}

/**
 * Runs `fn` on a fresh sandbox that can read exactly the datasets' files, each registered as a
 * view (createDatasetView), interrupted after SQL_CONSOLE_TIMEOUT_MS, with
 * SQL_CONSOLE_MEMORY_LIMIT of memory. DuckDB's errors come out cleaned (consoleError).
 */
export async function withConsoleSandbox<T>(
  datasets: GrantedDataset[],
  fn: (connection: DuckDBConnection) => Promise<T>,
  writeDir?: string,
): Promise<T> {
  const { timeoutMs, memoryLimit } = sqlConsoleConfig();
  try {
    return await withSandbox(
      { readFiles: datasets.map((d) => d.parquetPath), writeDir, memoryLimit },
      async (connection) => {
        for (const dataset of datasets) await createDatasetView(connection, dataset);
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          connection.interrupt();
        }, timeoutMs);
        try {
          return await fn(connection);
        } catch (error) {
          if (timedOut)
            throw new AppError(
              "invalid",
              `The query took longer than ${Math.round(timeoutMs / 1000)} s (SQL_CONSOLE_TIMEOUT_MS) and was stopped. Add a filter or aggregate.`,
            );
          throw error;
        } finally {
          clearTimeout(timer);
        }
      },
    );
  } catch (error) {
    throw consoleError(error, datasets);
  }
}

/** Reads one page of a result and counts its rows up to `cap`, converting only the page's rows. */
async function readPage(connection: DuckDBConnection, sql: string, offset: number, limit: number, cap: number) {
  const result = await connection.stream(sql);
  const names = result.columnNames();
  const types = result.columnTypes();
  const columns = names.map((name, i) => ({ name, type: types[i]!.toString() }));
  const rows: Json[][] = [];
  let seen = 0;
  let truncated = false;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const start = seen;
    seen += chunk.rowCount;
    if (seen > offset && start < offset + limit) {
      const from = Math.max(0, offset - start);
      const to = Math.min(chunk.rowCount, offset + limit - start);
      rows.push(...(chunk.convertRows(JsonDuckDBValueConverter).slice(from, to) as Json[][]));
    }
    if (seen > cap) {
      truncated = true;
      seen = cap;
      break;
    }
  }
  return { columns, rows, total: seen, truncated };
}

/**
 * The SQL console: one read-only SELECT over datasets the actor can view, named
 * "owner/namespace/dataset[@version]", checked by DuckDB's parser (analyzeSql), resolved through
 * lib/access (resolveDatasets), run in a sandbox reading only those files (withConsoleSandbox),
 * answered a page at a time. The same for the UI, the REST API and access links.
 */
export async function runConsoleQuery(actor: Actor, input: unknown): Promise<ConsoleResult> {
  const asked = consoleQuerySchema.parse(input ?? {});
  const { maxResultRows } = sqlConsoleConfig();
  const offset = asked.cursor ? decodeCursor(asked.cursor) : asked.offset;
  if (offset >= maxResultRows)
    throw invalid(`Results can be paged through their first ${maxResultRows} rows (SQL_CONSOLE_MAX_RESULT_ROWS).`);
  const datasets = await resolveDatasets(actor, await analyzeSql(asked.sql));
  const gate = await totalsOnlyGate(actor, datasets);
  const page = await withConsoleSandbox(datasets, async (connection) => {
    await assertTotalsOnlyQuery(connection, asked.sql, gate);
    return readPage(connection, asked.sql, offset, asked.limit, maxResultRows);
  });
  await recordConsoleQuery(actor, datasets);
  const next = offset + page.rows.length;
  return {
    ...page,
    offset,
    limit: asked.limit,
    nextCursor: next < page.total ? encodeCursor(next) : null,
    datasets: datasets.map((d) => ({ name: d.name, version: d.version })),
    downloadable: datasets.every((d) => allows(d.role, "read")),
  };
}
