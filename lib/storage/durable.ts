import fsp from "node:fs/promises";

/** Flushes a file's bytes to the disk (fdatasync): after this, a power cut cannot lose or empty them. */
export async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, "r");
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (fsync): a name renamed or created in it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
