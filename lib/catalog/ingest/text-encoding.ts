import fs from "node:fs";
import fsp from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import type { CsvEncoding } from "./ingest-options";

/** Windows-1252's characters at 0x80–0x9F (where Latin-1 has control codes); 0 = undefined byte. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes (a byte it leaves undefined becomes U+FFFD, as browsers do). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    const code = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || 0xfffd : byte;
    text += String.fromCharCode(code);
  }
  return text;
}

/** Copies a Windows-1252 file to `target` as UTF-8, streaming (DuckDB has no reader for it without an extension). */
export async function transcodeWindows1252(source: string, target: string): Promise<void> {
  await pipeline(
    fs.createReadStream(source, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, Buffer.from(decodeWindows1252(chunk), "utf8"));
      },
    }),
    fs.createWriteStream(target),
  );
}

/**
 * The encoding of a delimited file when the uploader did not say: UTF-16 when it starts with a
 * byte-order mark, UTF-8 when its first 64 KiB are valid UTF-8 (ASCII included), otherwise
 * Windows-1252, the superset of Latin-1 that spreadsheet programs write.
 */
export async function detectEncoding(file: string): Promise<CsvEncoding> {
  const handle = await fsp.open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return "utf-16";
    return isUtf8Prefix(head, bytesRead === buffer.length) ? "utf-8" : "windows-1252";
  } finally {
    await handle.close();
  }
}

/** Valid UTF-8, allowing the last character to be cut off when the sample ends before the file does. */
function isUtf8Prefix(bytes: Buffer, truncated: boolean): boolean {
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut <= bytes.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // a multi-byte character may straddle the sample's end: try without its last bytes
    }
  }
  return false;
}
