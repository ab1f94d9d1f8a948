import fsp from "node:fs/promises";

/** `size` bytes of `file` from `offset`. */
export type FileRange = { file: string; offset: number; size: number };

const BLOCK = 8 * 1024 * 1024;

/**
 * Writes `ranges` one after another into a new file at `target` (which must not exist), in large
 * blocks through one buffer. A range the file no longer holds in full is an error: the copy is
 * never shorter than asked, nor padded.
 */
export async function copyRanges(ranges: FileRange[], target: string): Promise<void> {
  const out = await fsp.open(target, "wx");
  try {
    const buffer = Buffer.allocUnsafe(BLOCK);
    let position = 0;
    for (const range of ranges) {
      const input = await fsp.open(range.file, "r");
      try {
        for (let done = 0; done < range.size;) {
          const want = Math.min(BLOCK, range.size - done);
          const { bytesRead } = await input.read(buffer, 0, want, range.offset + done);
          if (bytesRead === 0) throw new Error(`${range.file} is shorter than ${range.offset + range.size} bytes.`);
          for (let written = 0; written < bytesRead;) {
            const { bytesWritten } = await out.write(buffer, written, bytesRead - written, position);
            written += bytesWritten;
            position += bytesWritten;
          }
          done += bytesRead;
        }
      } finally {
        await input.close();
      }
    }
  } finally {
    await out.close();
  }
}
