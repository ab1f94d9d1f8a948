import "server-only";
import fs from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { type Scope, scopeKey, scopedSelectSql } from "@/lib/scopes";
import { catalogConfig } from "../config";
import { quoteLiteral } from "../sql";
import type { Column } from "../types";
import { DATA_VIEW, ROW_NUMBER_COLUMN } from "./names";
import { openSandbox, type Sandbox } from "./sandbox";
import { wasInterrupted } from "./timeout";

/** A waiter is handed a connection, or null when its entry was closed meanwhile (it then starts over). */
type Waiter = (connection: DuckDBConnection | null) => void;

/** A scoped reader's slice of the file: the scope and the file's full schema (which the scope is checked against). */
export type DataSlice = { scope: Scope; columns: Column[] };

type Entry = {
  key: string;
  parquetPath: string;
  sandbox: Promise<Sandbox>;
  /** the file the sandbox was opened on (device, inode, size): another file at the same path is a replacement */
  identity: string | null;
  idle: DuckDBConnection[];
  /** connections that exist (idle or in use); never more than CATALOG_DATASET_CONNECTIONS */
  connections: number;
  waiters: Waiter[];
  /** requests holding or waiting for a connection */
  users: number;
  lastUsed: number;
  closed: boolean;
};

const globalForEngines = globalThis as unknown as { datashelfDatasetPools?: Map<string, Entry> };
const open = (globalForEngines.datashelfDatasetPools ??= new Map<string, Entry>());

/**
 * The SELECT behind the view `data`: the whole Parquet file, or for a scoped reader only its
 * slice (lib/scopes). Other read paths (the SQL console) register a dataset with this same text.
 */
export function dataViewSql(parquetPath: string, withRowNumber: boolean, slice: DataSlice | null): string {
  const options = withRowNumber ? `, ${ROW_NUMBER_COLUMN} = true` : "";
  const source = `read_parquet(${quoteLiteral(parquetPath)}${options})`;
  return scopedSelectSql(source, slice?.columns ?? [], slice?.scope ?? null, withRowNumber);
}

/**
 * Exposes one Parquet file as the view `data`, with the reader's row number when asked for.
 * Rule: with a slice, `data` is the slice and nothing else: every query, count, statistic and
 * export on this connection reads only the scope's rows and columns.
 */
export async function createDataView(
  connection: DuckDBConnection,
  parquetPath: string,
  withRowNumber: boolean,
  slice: DataSlice | null,
): Promise<void> {
  await connection.run(`CREATE VIEW ${DATA_VIEW} AS ${dataViewSql(parquetPath, withRowNumber, slice)}`);
}

async function create(parquetPath: string, withRowNumber: boolean, slice: DataSlice | null): Promise<Sandbox> {
  const sandbox = await openSandbox({ readFiles: [parquetPath] });
  try {
    const setup = await sandbox.instance.connect();
    try {
      await createDataView(setup, parquetPath, withRowNumber, slice);
    } finally {
      setup.closeSync();
    }
  } catch (error) {
    sandbox.close();
    throw error;
  }
  return sandbox;
}

/**
 * The file now at the path (device, inode, size), or null when there is none. Asked on every query, so a replaced or
 * deleted file is noticed by the very next one. Synchronous on purpose: a stat of a local file takes microseconds,
 * while `fs.promises.stat` queued behind DuckDB's queries in libuv's thread pool and cost each read a promise and a
 * round trip through it (4% of the API read's CPU profile).
 */
function identityOf(parquetPath: string): string | null {
  try {
    const stat = fs.statSync(parquetPath, { throwIfNoEntry: false });
    return stat ? `${stat.dev}:${stat.ino}:${stat.size}` : null;
  } catch {
    return null; // unreadable is as good as gone: the query then fails on opening it, as before
  }
}

function closeSandboxOf(entry: Entry) {
  void entry.sandbox.then(
    (s) => s.close(),
    () => {},
  );
}

/**
 * Takes an entry out of use: idle connections close now, busy ones when released, the DuckDB
 * itself when the last one is. Waiters start over on a fresh entry.
 */
function retire(entry: Entry) {
  if (entry.closed) return;
  entry.closed = true;
  if (open.get(entry.key) === entry) open.delete(entry.key);
  for (const connection of entry.idle.splice(0)) {
    connection.closeSync();
    entry.connections--;
  }
  for (const waiter of entry.waiters.splice(0)) waiter(null);
  if (entry.users === 0) closeSandboxOf(entry);
}

function evictIdle(limit: number) {
  const idle = [...open.values()].filter((e) => e.users === 0).sort((a, b) => a.lastUsed - b.lastUsed);
  for (const entry of idle) {
    if (open.size <= limit) break;
    retire(entry);
  }
}

/** The current entry for `key`, or a new one when there is none or the file at the path is no longer the one it was opened on. */
async function entryFor(
  key: string,
  parquetPath: string,
  withRowNumber: boolean,
  slice: DataSlice | null,
): Promise<Entry> {
  const identity = identityOf(parquetPath);
  const current = open.get(key);
  if (current && !current.closed && current.identity === identity && identity !== null) return current;
  if (current) retire(current);
  const created: Entry = {
    key,
    parquetPath,
    identity,
    sandbox: create(parquetPath, withRowNumber, slice),
    idle: [],
    connections: 0,
    waiters: [],
    users: 0,
    lastUsed: Date.now(),
    closed: false,
  };
  created.sandbox.catch(() => retire(created));
  open.set(key, created);
  return created;
}

/**
 * An idle connection, a new one while under the bound, or (beyond it) the next one released; null when the entry
 * closed meanwhile, or (without `wait`) when no connection is free now.
 */
async function take(entry: Entry, limit: number, wait = true): Promise<DuckDBConnection | null> {
  const idle = entry.idle.pop();
  if (idle) return idle;
  if (entry.connections < limit) {
    entry.connections++;
    try {
      const connection = await (await entry.sandbox).instance.connect();
      if (!entry.closed) return connection;
      connection.closeSync();
      entry.connections--;
      return null;
    } catch (error) {
      entry.connections--;
      throw error;
    }
  }
  if (!wait) return null;
  return new Promise<DuckDBConnection | null>((resolve) => entry.waiters.push(resolve));
}

/** Gives a connection back: to the next waiter, to the idle list, or closed (when broken or its entry closed). */
function giveBack(entry: Entry, connection: DuckDBConnection, discard: boolean) {
  if (discard || entry.closed || wasInterrupted(connection)) {
    connection.closeSync();
    entry.connections--;
    // A waiter blocked on the bound may now open a connection of its own.
    const waiter = entry.waiters.shift();
    if (waiter && !entry.closed) void take(entry, Infinity).then(waiter, () => waiter(null));
    else if (waiter) waiter(null);
    return;
  }
  const waiter = entry.waiters.shift();
  if (waiter) waiter(connection);
  else entry.idle.push(connection);
}

export type DatasetConnection = {
  connection: DuckDBConnection;
  /** Returns the connection to the pool; `discard` closes it instead (after an error or an interrupt, its state is not trusted). */
  release(discard?: boolean): void;
};

/**
 * A connection to a DuckDB that can read this one Parquet file and nothing else (see
 * openSandbox), exposed as the view `data`. Rule: connections are pooled per open file, at most
 * CATALOG_DATASET_CONNECTIONS of them (more concurrent requests wait for one to be released,
 * they do not fail), and at most CATALOG_OPEN_DATASETS files stay open (least recently used
 * closed first). A file deleted or replaced at the same path (another inode or size) is never
 * answered from the old DuckDB: its pool is closed and the new file opened. Only query results
 * are shared this way, never who may read them: access is checked by the caller on every request.
 * `withRowNumber` adds the reader's `file_row_number` column (off when the data has a column of
 * that name). With a `slice` the view is that slice (createDataView), pooled apart from the
 * whole file and from every other slice. The caller must release() it exactly once.
 */
export async function acquireDatasetDb(
  parquetPath: string,
  withRowNumber: boolean,
  slice: DataSlice | null,
): Promise<DatasetConnection> {
  return (await acquire(parquetPath, withRowNumber, slice, true))!;
}

/**
 * Another connection to the same view as acquireDatasetDb, only when one is free now (idle, or the pool under its
 * bound): null instead of waiting, so a caller already holding a connection never waits on the pool for a second
 * one (with a bound of one, it would wait for itself). For work that can run in parallel when there is room.
 */
export async function tryAcquireDatasetDb(
  parquetPath: string,
  withRowNumber: boolean,
  slice: DataSlice | null,
): Promise<DatasetConnection | null> {
  return acquire(parquetPath, withRowNumber, slice, false);
}

async function acquire(
  parquetPath: string,
  withRowNumber: boolean,
  slice: DataSlice | null,
  wait: boolean,
): Promise<DatasetConnection | null> {
  const key = JSON.stringify([withRowNumber, parquetPath, scopeKey(slice?.scope ?? null)]);
  const { datasetConnections, openDatasets } = catalogConfig();
  for (;;) {
    const entry = await entryFor(key, parquetPath, withRowNumber, slice);
    entry.users++;
    let connection: DuckDBConnection | null;
    try {
      connection = await take(entry, datasetConnections, wait);
    } catch (error) {
      entry.users--;
      if (entry.closed && entry.users === 0) closeSandboxOf(entry);
      throw error;
    }
    if (!connection) {
      entry.users--;
      if (entry.closed && entry.users === 0) closeSandboxOf(entry);
      if (!wait) return null;
      continue;
    }
    const held = connection;
    let released = false;
    return {
      connection: held,
      release(discard = false) {
        if (released) return;
        released = true;
        giveBack(entry, held, discard);
        entry.users--;
        entry.lastUsed = Date.now();
        if (entry.closed && entry.users === 0) closeSandboxOf(entry);
        evictIdle(openDatasets);
      },
    };
  }
}

/** Runs `fn` on a dataset connection (see acquireDatasetDb), releasing it afterwards; a connection whose work failed is closed, not reused. */
export async function withDatasetDb<T>(
  parquetPath: string,
  withRowNumber: boolean,
  fn: (connection: DuckDBConnection) => Promise<T>,
  slice: DataSlice | null,
): Promise<T> {
  const { connection, release } = await acquireDatasetDb(parquetPath, withRowNumber, slice);
  let failed = true;
  try {
    const result = await fn(connection);
    failed = false;
    return result;
  } finally {
    release(failed);
  }
}

/** Counts of the pool for one file (tests and benchmarks): open DuckDBs and their connections. */
export function datasetPoolStats(parquetPath?: string): {
  files: number;
  connections: number;
  idle: number;
  waiting: number;
} {
  const entries = [...open.values()].filter((e) => !parquetPath || e.parquetPath === parquetPath);
  return {
    files: entries.length,
    connections: entries.reduce((n, e) => n + e.connections, 0),
    idle: entries.reduce((n, e) => n + e.idle.length, 0),
    waiting: entries.reduce((n, e) => n + e.waiters.length, 0),
  };
}

/** Closes cached dataset DuckDBs: all of them (tests, benchmarks) or the ones reading one file (before it is deleted). */
export async function closeDatasetDbs(parquetPath?: string): Promise<void> {
  for (const entry of [...open.values()]) {
    if (parquetPath && entry.parquetPath !== parquetPath) continue;
    retire(entry);
    if (entry.users === 0)
      await entry.sandbox.then(
        () => {},
        () => {},
      );
  }
}
