import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { catalogConfig } from "../config";
import { quoteLiteral } from "../sql";
import { DATA_VIEW, ROW_NUMBER_COLUMN } from "./names";
import { openSandbox, type Sandbox } from "./sandbox";

type Entry = { sandbox: Promise<Sandbox>; users: number; lastUsed: number };

const globalForEngines = globalThis as unknown as { datashelfDatasetDbs?: Map<string, Entry> };
const open = (globalForEngines.datashelfDatasetDbs ??= new Map<string, Entry>());

/** Exposes one Parquet file as the view `data`, with the reader's row number when asked for. */
export async function createDataView(connection: DuckDBConnection, parquetPath: string, withRowNumber: boolean): Promise<void> {
  const options = withRowNumber ? `, ${ROW_NUMBER_COLUMN} = true` : "";
  await connection.run(`CREATE VIEW ${DATA_VIEW} AS SELECT * FROM read_parquet(${quoteLiteral(parquetPath)}${options})`);
}

async function create(parquetPath: string, withRowNumber: boolean): Promise<Sandbox> {
  const sandbox = await openSandbox({ readFiles: [parquetPath] });
  try {
    const setup = await sandbox.instance.connect();
    try {
      await createDataView(setup, parquetPath, withRowNumber);
    } finally {
      setup.closeSync();
    }
  } catch (error) {
    sandbox.close();
    throw error;
  }
  return sandbox;
}

function evictIdle(limit: number) {
  const idle = [...open.entries()].filter(([, e]) => e.users === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
  for (const [key, entry] of idle) {
    if (open.size <= limit) break;
    open.delete(key);
    void entry.sandbox.then((s) => s.close(), () => {});
  }
}

export type DatasetConnection = { connection: DuckDBConnection; release(): void };

/**
 * A connection to a DuckDB that can read this one Parquet file and nothing else (see
 * openSandbox), exposed as the view `data`. Dataset versions are immutable, so the sandbox is
 * kept open for the next request on the same file (least recently used closed first, beyond
 * CATALOG_OPEN_DATASETS). `withRowNumber` adds the reader's `file_row_number` column (off when
 * the data has a column of that name). The caller must release() it exactly once.
 */
export async function acquireDatasetDb(parquetPath: string, withRowNumber: boolean): Promise<DatasetConnection> {
  const key = `${withRowNumber ? "n" : "-"}:${parquetPath}`;
  let entry = open.get(key);
  if (!entry) {
    const created: Entry = { sandbox: create(parquetPath, withRowNumber), users: 0, lastUsed: Date.now() };
    created.sandbox.catch(() => open.get(key) === created && open.delete(key));
    open.set(key, created);
    entry = created;
  }
  const held = entry;
  held.users++;
  const done = () => {
    held.users--;
    held.lastUsed = Date.now();
    evictIdle(catalogConfig().openDatasets);
  };
  try {
    const connection = await (await held.sandbox).instance.connect();
    let released = false;
    return {
      connection,
      release() {
        if (released) return;
        released = true;
        connection.closeSync();
        done();
      },
    };
  } catch (error) {
    done();
    throw error;
  }
}

/** Runs `fn` on a dataset connection (see acquireDatasetDb), releasing it afterwards. */
export async function withDatasetDb<T>(parquetPath: string, withRowNumber: boolean, fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const { connection, release } = await acquireDatasetDb(parquetPath, withRowNumber);
  try {
    return await fn(connection);
  } finally {
    release();
  }
}

/** Closes cached dataset DuckDBs: all of them (tests, benchmarks) or the ones reading one file (before it is deleted). */
export async function closeDatasetDbs(parquetPath?: string): Promise<void> {
  for (const [key, entry] of [...open.entries()]) {
    if (parquetPath && key.slice(2) !== parquetPath) continue;
    open.delete(key);
    await entry.sandbox.then((s) => s.close(), () => {});
  }
}
