import fs from "node:fs";
import { invalid } from "@/lib/util/errors";

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// What each byte means to the scan: 0 nothing (most bytes), else one of these.
const OPEN = 1;
const CLOSE = 2;
const STRING = 3;
const ESCAPE = 4;
const NEWLINE = 5;
const CLASS = new Uint8Array(256);
CLASS[0x5b] = OPEN; // [
CLASS[0x7b] = OPEN; // {
CLASS[0x5d] = CLOSE; // ]
CLASS[0x7d] = CLOSE; // }
CLASS[QUOTE] = STRING;
CLASS[BACKSLASH] = ESCAPE;
CLASS[LF] = NEWLINE;

/** The line (1-based, counting from `line`) of a chunk's first byte sequence that is not UTF-8. */
function lineOfBadUtf8(chunk: Buffer, line: number): number {
  let start = 0;
  while (start < 3 && start < chunk.length && (chunk[start]! & 0xc0) === 0x80) start++; // the rest of a character begun in the previous chunk
  while (start < chunk.length) {
    const lf = chunk.indexOf(LF, start);
    const end = lf === -1 ? chunk.length : lf;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(chunk.subarray(start, end), { stream: lf === -1 });
    } catch {
      return line;
    }
    line++;
    start = end + 1;
  }
  return line;
}

/**
 * Checks a JSON or JSON Lines upload in one streaming pass, before DuckDB infers a schema from
 * it: every byte must be UTF-8, and no value may nest more than `maxNesting` levels below its
 * record (DuckDB's inferred types grow with the nesting, and reading a deeply nested column costs
 * time exponential in its depth). The error names the line (JSON Lines) or record (JSON array).
 * Syntax errors are left to the reader, which reports them.
 */
export async function checkJson(file: string, format: "json" | "jsonl", maxNesting: number): Promise<void> {
  // A JSON Lines record is depth 1; a JSON array's records are depth 2.
  const recordDepth = format === "jsonl" ? 1 : 2;
  const maxDepth = maxNesting + recordDepth;
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let line = 1;
  let record = 0;
  let depth = 0;
  let inString = false;
  const where = (at: number) => (format === "jsonl" ? `Line ${at}` : `Record ${Math.max(record, 1)}`);
  const notUtf8 = (at: number) =>
    invalid(`${where(at)}: the file is not UTF-8 text. Save it as UTF-8 and upload it again.`);

  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    try {
      utf8.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(lineOfBadUtf8(chunk, line));
    }
    for (let i = 0; i < chunk.length; i++) {
      const kind = CLASS[chunk[i]!]!;
      if (kind === 0) continue;
      if (kind === NEWLINE) line++;
      else if (inString) {
        if (kind === ESCAPE)
          i++; // the escaped character (never a newline in valid JSON)
        else if (kind === STRING) inString = false;
      } else if (kind === STRING) inString = true;
      else if (kind === OPEN) {
        depth++;
        if (depth === recordDepth) record++;
        if (depth > maxDepth) {
          throw invalid(
            `${where(line)}: values are nested more than ${maxNesting} levels deep; a dataset column can hold at most ${maxNesting} levels.`,
          );
        }
      } else if (kind === CLOSE && depth > 0) depth--;
    }
  }
  try {
    utf8.decode();
  } catch {
    throw notUtf8(line);
  }
}
