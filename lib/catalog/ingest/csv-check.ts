import fs from "node:fs";
import { invalid } from "@/lib/util/errors";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS = [",", ";", "\t", "|"];

/** How DuckDB is told to read a delimited file: `newLine` (DuckDB's escaped form) only for lines ending with a lone CR. */
export type CsvDialect = { delimiter: string; newLine?: "\\r" };
/** `newLine` is set (DuckDB's escaped form) only for files whose lines end with a lone CR. */
export type CsvShape = CsvDialect & { columns: number; rows: number };

/** The delimiter that occurs most often (outside quotes) in the header line; "," when none does. */
export function detectDelimiter(head: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of head) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** True when the first line break outside quotes is a CR not followed by LF (classic Mac line endings). */
export function endsLinesWithCr(head: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === "\n") return false;
    else if (!inQuotes && ch === "\r") return head[i + 1] !== "\n" && i + 1 < head.length;
  }
  return false;
}

async function readHead(file: string, bytes = 64 * 1024): Promise<string> {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } finally {
    await handle.close();
  }
}

/**
 * The delimiter and line ending of a delimited text file, from its first 64 KiB (the rest is
 * DuckDB's to read). A file that starts with nothing but blank lines is checked in full here:
 * DuckDB would read blank lines as rows of one empty column, and an empty file must say so.
 */
export async function csvDialect(file: string, delimiter?: string): Promise<CsvDialect> {
  const head = await readHead(file);
  if (head.trim() === "") await checkCsv(file, delimiter);
  return {
    delimiter: delimiter ?? detectDelimiter(head),
    ...(endsLinesWithCr(head) ? { newLine: "\\r" as const } : {}),
  };
}

/**
 * Checks a delimited text file's structure in one streaming pass (RFC 4180 quoting, blank lines
 * skipped, as DuckDB reads it) so a broken file gets an exact message naming the line. The
 * conversion runs it only when DuckDB refused a file or found no rows (a scan of every byte in
 * JavaScript costs more than DuckDB's parse of a valid file): empty file, header without rows, a row with the wrong number of
 * values, a quote never closed, binary content. Lines end with LF or CRLF, or with a lone CR
 * when that is how the first line ends (classic Mac files); DuckDB is then told so (`newLine`).
 */
export async function checkCsv(file: string, delimiter?: string): Promise<CsvShape> {
  const head = await readHead(file);
  const delim = delimiter ?? detectDelimiter(head);
  const crOnly = endsLinesWithCr(head);
  // The byte that ends a line: LF (a CR before it is ignored), or CR in a CR-only file.
  const EOL = crOnly ? CR : LF;
  const DELIM = delim.charCodeAt(0);
  let header = 0;
  let rows = 0;
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let content = false;
  let atFieldStart = true;
  let inQuotes = false;
  let quotePending = false;
  let first = true;

  const endRecord = () => {
    if (content) {
      if (header === 0) header = fields;
      else if (fields !== header) {
        throw invalid(
          `Line ${recordLine} has ${fields} ${fields === 1 ? "value" : "values"}, but the header (the first line) has ${header} columns. Every row needs exactly one value per column.`,
        );
      } else rows++;
    }
    fields = 1;
    content = false;
    atFieldStart = true;
  };

  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // UTF-8 byte order mark
    }
    // Fast path for the common case: whole lines without quotes, in a chunk without NUL bytes.
    // It only counts delimiters; anything else (quotes, a line crossing the chunk's end) goes
    // through the byte-by-byte state machine below, which it agrees with exactly.
    const binary = chunk.indexOf(0, i) !== -1;
    let nextQuote = chunk.indexOf(QUOTE, i);
    for (; i < chunk.length; i++) {
      if (!binary && !inQuotes && !content && fields === 1) {
        const lf = chunk.indexOf(EOL, i);
        if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
        if (lf !== -1 && (nextQuote === -1 || nextQuote > lf)) {
          let delimiters = 0;
          let text = false;
          for (let j = i; j < lf; j++) {
            const c = chunk[j]!;
            if (c === DELIM) delimiters++;
            if (c !== CR) text = true;
          }
          if (text) {
            content = true;
            recordLine = line;
            fields += delimiters;
          }
          endRecord();
          line++;
          i = lf;
          continue;
        }
      }
      const b = chunk[i]!;
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (b === QUOTE) continue; // "" is an escaped quote
          inQuotes = false; // the quote closed the value; handle b below
        } else {
          if (b === QUOTE) quotePending = true;
          else if (b === EOL) line++;
          continue;
        }
      }
      if (b === EOL) {
        endRecord();
        line++;
        continue;
      }
      if (b === CR) continue;
      if (b === 0) throw invalid(`Line ${line} contains binary data: this is not a text (CSV/TSV) file.`);
      if (!content) {
        content = true;
        recordLine = line;
      }
      if (b === DELIM) {
        fields++;
        atFieldStart = true;
      } else if (b === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else atFieldStart = false;
    }
  }
  if (inQuotes && !quotePending) {
    throw invalid(`Line ${recordLine} opens a quoted value that is never closed (the file ends inside it).`);
  }
  endRecord();
  if (header === 0) throw invalid("The file is empty.");
  if (rows === 0) throw invalid("The file has a header line but no data rows.");
  return { delimiter: delim, columns: header, rows, ...(crOnly ? { newLine: "\\r" as const } : {}) };
}
