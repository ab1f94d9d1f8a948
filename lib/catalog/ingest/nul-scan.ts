import fsp from "node:fs/promises";

const BLOCK = 4 * 1024 * 1024;

/**
 * Whether a file holds a NUL byte anywhere (text files never do; spreadsheets, archives and
 * images almost always do). Reads in large blocks and searches each with memchr, so it costs
 * about what reading the file from the page cache costs; no per-byte JavaScript.
 */
export async function hasNulByte(file: string): Promise<boolean> {
  const handle = await fsp.open(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(BLOCK);
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(buffer, 0, BLOCK, position);
      if (bytesRead === 0) return false;
      if (buffer.subarray(0, bytesRead).indexOf(0) !== -1) return true;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
