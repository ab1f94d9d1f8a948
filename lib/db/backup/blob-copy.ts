// Copies a local blob folder file by file. Blobs are written to a temporary name and renamed into place
// (lib/storage/local-store.ts), so every file seen here is complete; the temporary folder is skipped.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";

const IN_PROGRESS = ".tmp";

/** Relative paths of the finished blobs below `root` ([] when it does not exist). */
export async function listBlobs(root: string): Promise<string[]> {
  if (!fs.existsSync(root)) return [];
  const entries = await fsp.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((rel) => rel.split(path.sep)[0] !== IN_PROGRESS)
    .sort();
}

/**
 * Copies every blob of `from` that `to` does not have yet; returns how many it copied. A blob deleted
 * while we copy is skipped (it is gone from the database too, or will be).
 */
export async function copyNewBlobs(from: string, to: string): Promise<number> {
  let copied = 0;
  for (const rel of await listBlobs(from)) {
    const target = path.join(to, rel);
    if (fs.existsSync(target)) continue;
    await fsp.mkdir(path.dirname(target), { recursive: true });
    try {
      await fsp.copyFile(path.join(from, rel), target, fs.constants.COPYFILE_FICLONE);
      copied += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return copied;
}
