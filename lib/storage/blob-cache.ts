import { createHash, randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";

/**
 * Local copies of remote blobs, for readers that need a file on disk (DuckDB reads Parquet by
 * path). Blobs are immutable (a key is never rewritten; new content gets a new key), so a copy
 * never goes stale and needs no validation. A copy appears atomically (downloaded to a temporary
 * name, then renamed), so concurrent readers, even other processes sharing the directory, see a
 * whole file or none. Beyond `maxBytes` the least recently used copies are deleted; each use
 * touches the file's mtime, so recency survives restarts and is shared between processes.
 */
export class BlobCache {
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /** Where the copy of `key` lives: a stable name (the same path every time, which DuckDB's open-file cache relies on). */
  pathFor(key: string): string {
    const ext = path
      .extname(key)
      .replace(/[^.a-z0-9]/gi, "")
      .slice(0, 16);
    return path.join(this.dir, createHash("sha256").update(key).digest("hex").slice(0, 40) + ext);
  }

  /** The cached copy of `key`, downloading it with `fetch(tempPath)` first when missing (once per key at a time). */
  async get(key: string, fetch: (tempPath: string) => Promise<void>): Promise<string> {
    const target = this.pathFor(key);
    if (await touch(target)) return target;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.download(target, fetch).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** Takes a local file that was just stored under `key` into the cache by renaming it; false when it is on another filesystem. */
  async adopt(key: string, localPath: string): Promise<boolean> {
    await fsp.mkdir(this.dir, { recursive: true });
    const target = this.pathFor(key);
    try {
      await fsp.rename(localPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EXDEV") return false;
      throw error;
    }
    await this.evict(target);
    return true;
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.pathFor(key), { force: true });
  }

  private async download(target: string, fetch: (tempPath: string) => Promise<void>): Promise<string> {
    const tempDir = path.join(this.dir, ".tmp");
    await fsp.mkdir(tempDir, { recursive: true });
    const temp = path.join(tempDir, randomBytes(12).toString("hex"));
    try {
      await fetch(temp);
      await fsp.rename(temp, target);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    await this.evict(target);
    return target;
  }

  private async removeStaleDownloads(): Promise<void> {
    const tempDir = path.join(this.dir, ".tmp");
    const names = await fsp.readdir(tempDir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(tempDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > STALE_DOWNLOAD_MS) await fsp.rm(file, { force: true });
    }
  }

  /** Deletes least recently used copies until the cache fits, never `keep` (the copy just asked for). */
  private async evict(keep: string): Promise<void> {
    await this.removeStaleDownloads();
    const entries = await fsp.readdir(this.dir, { withFileTypes: true });
    const files: { file: string; size: number; used: number }[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(this.dir, entry.name);
      const stat = await fsp.stat(file).catch(() => null); // another process may have evicted it
      if (stat) files.push({ file, size: stat.size, used: stat.mtimeMs });
    }
    let total = files.reduce((sum, f) => sum + f.size, 0);
    for (const f of files.sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes) break;
      if (f.file === keep) continue;
      await fsp.rm(f.file, { force: true });
      total -= f.size;
    }
  }
}

/** Downloads still unfinished after this long were cut off by a crash; their temporary files go. */
const STALE_DOWNLOAD_MS = 6 * 3_600_000;

/** Marks a cached copy as just used; false when there is none. */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  try {
    await fsp.utimes(file, now, now);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
