import fsp from "node:fs/promises";

const BLOCK = 8 * 1024 * 1024;

/** Writes `sources` one after another into a new file at `target`, in large blocks through one buffer. */
export async function concatFiles(sources: string[], target: string): Promise<void> {
  const out = await fsp.open(target, "wx");
  try {
    const buffer = Buffer.allocUnsafe(BLOCK);
    let position = 0;
    for (const source of sources) {
      const input = await fsp.open(source, "r");
      try {
        for (;;) {
          const { bytesRead } = await input.read(buffer, 0, BLOCK, null);
          if (bytesRead === 0) break;
          for (let done = 0; done < bytesRead;) {
            const { bytesWritten } = await out.write(buffer, done, bytesRead - done, position);
            done += bytesWritten;
            position += bytesWritten;
          }
        }
      } finally {
        await input.close();
      }
    }
  } finally {
    await out.close();
  }
}
