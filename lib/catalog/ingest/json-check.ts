import fs from "node:fs";
import { invalid } from "@/lib/util/errors";

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

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
  let line = 1;
  let record = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  // UTF-8: continuation bytes still expected, and the allowed range of the next one.
  let pending = 0;
  let low = 0x80;
  let high = 0xbf;
  let first = true;
  const where = () => (format === "jsonl" ? `Line ${line}` : `Record ${Math.max(record, 1)}`);
  const notUtf8 = () => invalid(`${where()}: the file is not UTF-8 text. Save it as UTF-8 and upload it again.`);

  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // byte order mark
    }
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (pending > 0) {
        if (b < low || b > high) throw notUtf8();
        pending--;
        low = 0x80;
        high = 0xbf;
        continue;
      }
      if (b >= 0x80) {
        if (b >= 0xc2 && b <= 0xdf) pending = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          pending = 2;
          if (b === 0xe0) low = 0xa0; // no overlong forms
          if (b === 0xed) high = 0x9f; // no surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
          pending = 3;
          if (b === 0xf0) low = 0x90;
          if (b === 0xf4) high = 0x8f; // nothing beyond U+10FFFF
        } else throw notUtf8();
        continue;
      }
      if (b === LF) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        continue;
      }
      if (b === QUOTE) inString = true;
      else if (OPEN.has(b)) {
        depth++;
        if (depth === recordDepth) record++;
        if (depth > maxDepth) {
          throw invalid(`${where()}: values are nested more than ${maxNesting} levels deep; a dataset column can hold at most ${maxNesting} levels.`);
        }
      } else if (CLOSE.has(b)) depth = Math.max(0, depth - 1);
    }
  }
  if (pending > 0) throw notUtf8();
}
