import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError } from "@/lib/util/errors";
import { catalogConfig } from "./config";
import { formatBytes } from "./units";

/** Reads a finished export file and deletes its folder (and calls `done`) once the reader is done or gave up. */
export function streamAndDelete(file: string, dir: string, done: () => void): Readable {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  stream.once("close", () => {
    done();
    void fsp.rm(dir, { recursive: true, force: true });
  });
  return stream;
}

async function bytesIn(dir: string): Promise<number> {
  let total = 0;
  for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
    total += await fsp.stat(path.join(dir, name)).then(
      (s) => s.size,
      () => 0,
    );
  }
  return total;
}

const tooLarge = (limit: number) =>
  new AppError(
    "too_large",
    `The export is larger than ${formatBytes(limit)}, the most one download can be. Filter the rows or choose fewer columns, or download the whole dataset as Parquet.`,
  );

/**
 * Runs an export's COPY while watching its folder: beyond CATALOG_MAX_EXPORT_BYTES the query is
 * interrupted and the export refused (413), so no export fills the disk. DuckDB's spill files
 * are capped separately (CATALOG_MAX_SPILL_BYTES, see openSandbox).
 */
export async function copyCapped(db: DuckDBConnection, dir: string, copy: () => Promise<unknown>): Promise<void> {
  const { maxExportBytes } = catalogConfig();
  let over = false;
  let checking = false;
  const watch = setInterval(() => {
    if (checking) return;
    checking = true;
    void bytesIn(dir).then((size) => {
      checking = false;
      if (size > maxExportBytes && !over) {
        over = true;
        db.interrupt();
      }
    });
  }, 50);
  try {
    await copy();
  } catch (error) {
    if (over) throw tooLarge(maxExportBytes);
    throw error;
  } finally {
    clearInterval(watch);
  }
  if (over || (await bytesIn(dir)) > maxExportBytes) throw tooLarge(maxExportBytes);
}
