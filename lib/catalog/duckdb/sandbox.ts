import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { catalogConfig, catalogTempDir } from "../config";
import { quoteLiteral } from "../sql";

/** What a sandboxed DuckDB may touch: exactly these files, plus one directory to write into. */
export type SandboxAccess = {
  readFiles: string[];
  writeDir?: string;
  /** DuckDB memory limit for this sandbox (DuckDB syntax); DUCKDB_MEMORY_LIMIT when absent */
  memoryLimit?: string;
};

export type Sandbox = { instance: DuckDBInstance; close(): void };

/**
 * Rule: every DuckDB the catalog opens is in-memory, has extension auto-loading off, may read
 * only `readFiles` (and write only inside `writeDir`), and has its configuration locked before
 * any query runs, so no SQL text can widen its access afterwards (not even a bug in the query
 * builder). Spill files go to a private scratch folder removed on close, at most
 * CATALOG_MAX_SPILL_BYTES of them (DuckDB's default is most of the free disk).
 */
export async function openSandbox(access: SandboxAccess): Promise<Sandbox> {
  const config = catalogConfig();
  const spillDir = path.join(catalogTempDir(), "spill", randomBytes(8).toString("hex"));
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(config.duckdbThreads),
    memory_limit: access.memoryLimit ?? config.duckdbMemoryLimit,
    temp_directory: spillDir,
    max_temp_directory_size: `${Math.floor(config.maxSpillBytes)} bytes`,
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const close = () => {
    instance.closeSync();
    void fsp.rm(spillDir, { recursive: true, force: true });
  };
  try {
    const setup = await instance.connect();
    try {
      await setup.run(`SET allowed_paths = [${access.readFiles.map((f) => quoteLiteral(path.resolve(f))).join(", ")}]`);
      if (access.writeDir)
        await setup.run(`SET allowed_directories = [${quoteLiteral(path.resolve(access.writeDir) + path.sep)}]`);
      await setup.run("SET enable_external_access = false");
      await setup.run("SET lock_configuration = true");
    } finally {
      setup.closeSync();
    }
  } catch (error) {
    close();
    throw error;
  }
  return { instance, close };
}

/** Runs `fn` on a connection of a one-off sandbox, closing both afterwards. */
export async function withSandbox<T>(
  access: SandboxAccess,
  fn: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const sandbox = await openSandbox(access);
  try {
    const connection = await sandbox.instance.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    sandbox.close();
  }
}
