import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { concatParquet } from "../parquet/concat";
import { withSandbox } from "../duckdb/sandbox";
import { parquetCompression } from "@/lib/config/parquet-compression";
import { quoteLiteral } from "../sql";
import type { Column } from "../types";
import { type CsvRead, readerSql } from "./convert";
import { csvDialect } from "./csv-check";
import { type BoundaryScan, scanRecordEnds } from "./record-boundary";
import { detectEncoding } from "./text-encoding";

const MiB = 1024 * 1024;
/** A piece is cut once this much text waits: smaller pieces cost more per row (a sandbox, a Parquet footer each). */
const MIN_PIECE = 8 * MiB;
const BLOCK = 8 * MiB;
/**
 * DuckDB infers a CSV's types from its first 20,480 rows (checked: a contradicting value at row
 * 20,000 changes the type, one at row 30,000 does not). The first piece must hold at least that
 * many rows, so its types are the ones a conversion of the whole file would infer.
 */
const SNIFF_ROWS = 20_480;

/** How the later pieces are read: exactly as the first was, with its inferred columns and formats fixed. */
type Plan = { dialect: CsvRead; reader: (file: string) => string };

/** What the conversion of the whole file yields once its last bytes are known; null when it cannot be used. */
export type Preconverted = {
  /** Moves the joined Parquet to `target` and returns its rows, if the file was read as `dialect` says. */
  take(target: string, dialect: CsvRead): Promise<{ rows: number } | null>;
};

// One piece converts at a time in this process: a second upload's pieces wait rather than take CPU from the first.
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/**
 * Converts a CSV/TSV file to Parquet while it is still being written (a multipart upload's
 * parts arriving in order), in pieces cut at record ends, so completing the upload has only the
 * last piece left to convert and the pieces to join (lib/catalog/parquet/concat.ts, no
 * re-encoding). Rule: the result stands for the file only if every byte a piece read is still the
 * file's byte at completion. Bytes are reported with `grew` as they are written; `withdraw`
 * reports bytes taken back (a part that failed), and any piece that read them kills the
 * conversion. It reads UTF-8 text with `"` quoting and LF or CRLF lines only, as the whole-file
 * conversion would read it (the first piece's inferred types and date formats fix the others'),
 * and any doubt (another encoding, a value the first piece's types do not fit, too few rows to
 * infer from, a NUL byte, any error) ends it: the ingest then converts the file whole, as before.
 */
export class GrowingCsv {
  private written = 0;
  private cut = 0;
  private scan: BoundaryScan = { inQuotes: false, lastEnd: 0 };
  private pieces: string[] = [];
  private rows = 0;
  private plan: Plan | null = null;
  private job: Promise<void> | null = null;
  private jobLimit = 0;
  private failed = false;
  private finishing = false;

  constructor(
    private file: string,
    private readonly format: "csv" | "tsv",
    private readonly workDir: string,
    private readonly minPiece = MIN_PIECE,
  ) {}

  get alive(): boolean {
    return !this.failed;
  }

  /** Bytes [0, end) of the file are written (they may still be withdrawn). */
  grew(end: number): void {
    if (end > this.written) this.written = end;
    this.next();
  }

  /** Bytes from `to` on are no longer the file's (an append failed, or is about to overwrite them). */
  withdraw(to: number): void {
    if (to >= this.written) return;
    if (to < this.cut || (this.job && to < this.jobLimit)) this.fail();
    this.written = to;
  }

  /**
   * The file is whole: `size` bytes at `file` (its folder may have moved). Converts what is left
   * and returns the result, or null when the conversion cannot stand for the file.
   */
  finish(file: string, size: number): Preconverted | null {
    if (this.failed || size < this.written) return null;
    this.finishing = true;
    this.file = file;
    this.written = size;
    const result = (async () => {
      await this.job;
      if (this.failed) return null;
      if (this.written > this.cut) await inTurn(() => this.cutPiece(this.written, true));
      if (this.failed || !this.plan || this.cut !== size) return null;
      return { pieces: this.pieces, rows: this.rows, dialect: this.plan.dialect };
    })().catch((error: unknown) => {
      this.fail(error);
      return null;
    });
    let taken = false;
    return {
      take: async (target, dialect) => {
        if (taken) return null;
        taken = true;
        const done = await result;
        if (!done || !sameDialect(done.dialect, dialect)) return null;
        const joined = await concatParquet(done.pieces, target).catch(() => null);
        return joined && { rows: joined.rows };
      },
    };
  }

  /** Stops converting and deletes the pieces. */
  async discard(): Promise<void> {
    this.failed = true;
    await this.job?.catch(() => {});
    await fsp.rm(this.workDir, { recursive: true, force: true });
  }

  private fail(reason?: unknown): void {
    if (process.env.DEBUG_GROWING_CSV) console.warn("growing CSV conversion stopped:", reason);
    this.failed = true;
  }

  private next(): void {
    if (this.failed || this.finishing || this.job || this.written - this.cut < this.minPiece) return;
    this.jobLimit = this.written;
    this.job = inTurn(() => this.cutPiece(this.jobLimit, false))
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.job = null;
        this.next();
      });
  }

  /** Copies the text from `cut` to the last record end before `limit` (to `limit` itself when final) and converts it. */
  private async cutPiece(limit: number, final: boolean): Promise<void> {
    if (this.failed) return;
    await fsp.mkdir(this.workDir, { recursive: true });
    const index = this.pieces.length;
    const csv = path.join(this.workDir, `piece-${index}.${this.format}`);
    const end = await this.copyText(limit, csv, final);
    if (end <= this.cut) return fsp.rm(csv, { force: true }); // no record ends yet: wait for more text
    if (this.failed) return;
    if (!this.plan) this.plan = await planFrom(this.file, this.format);
    const parquet = path.join(this.workDir, `piece-${index}.parquet`);
    const rows = await withSandbox({ readFiles: [csv], writeDir: this.workDir }, async (db) => {
      const reader =
        index === 0
          ? readerSql({ path: csv, name: csv, format: this.format }, this.plan!.dialect)
          : this.plan!.reader(csv);
      const copied = await db.runAndReadAll(
        `COPY (SELECT * FROM ${reader}) TO ${quoteLiteral(parquet)} (FORMAT parquet, COMPRESSION ${parquetCompression()})`,
      );
      const count = Number(copied.getRowsJson()[0]![0]);
      if (index === 0) {
        if (count < SNIFF_ROWS && !final) throw new Error("too few rows to infer the types from");
        this.plan = await fixTypes(db, csv, parquet, this.plan!.dialect);
      }
      return count;
    });
    await fsp.rm(csv, { force: true });
    if (this.failed) return;
    this.pieces.push(parquet);
    this.rows += rows;
    this.cut = end;
  }

  /** Copies bytes [cut, limit) into `target` in blocks, scanning for record ends and NUL bytes; returns where the piece ends. */
  private async copyText(limit: number, target: string, final: boolean): Promise<number> {
    const input = await fsp.open(this.file, "r");
    const output = await fsp.open(target, "w");
    try {
      const buffer = Buffer.allocUnsafe(BLOCK);
      let scan = this.scan;
      for (let position = this.cut; position < limit;) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(BLOCK, limit - position), position);
        if (bytesRead === 0) throw new Error("the file is shorter than reported");
        const block = buffer.subarray(0, bytesRead);
        if (block.indexOf(0) !== -1) throw new Error("a NUL byte: binary content");
        scan = scanRecordEnds(block, position, scan);
        await output.write(block, 0, bytesRead, position - this.cut);
        position += bytesRead;
      }
      const end = final ? limit : scan.lastEnd;
      await output.truncate(Math.max(0, end - this.cut));
      // The next piece starts at a record end, outside quotes.
      this.scan = { inQuotes: false, lastEnd: end };
      return end;
    } finally {
      await output.close();
      await input.close();
    }
  }
}

function sameDialect(a: CsvRead, b: CsvRead): boolean {
  return (
    a.delimiter === b.delimiter &&
    a.header === b.header &&
    a.quote === b.quote &&
    a.encoding === b.encoding &&
    a.newLine === b.newLine
  );
}

/** The whole-file conversion's reading of the file, from its first 64 KiB (written by now); only plain UTF-8 text is pre-converted. */
async function planFrom(file: string, format: "csv" | "tsv"): Promise<Plan> {
  const encoding = await detectEncoding(file);
  if (encoding !== "utf-8") throw new Error(`not pre-converted: ${encoding} text`);
  const dialect = await csvDialect(file, format === "tsv" ? "\t" : undefined);
  if (dialect.newLine) throw new Error("not pre-converted: lines end with CR alone");
  const read: CsvRead = { ...dialect, header: true, quote: '"', encoding };
  return { dialect: read, reader: () => "" };
}

/** After the first piece: how every later piece is read, with the first's columns, types and date formats fixed. */
async function fixTypes(
  db: Parameters<Parameters<typeof withSandbox>[1]>[0],
  csv: string,
  parquet: string,
  dialect: CsvRead,
): Promise<Plan> {
  const described = await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(parquet)})`);
  const columns: Column[] = described.getRowsJson().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  const sniffSql = readerSql({ path: csv, name: csv, format: "csv" }, dialect).replace(/^read_csv\(/, "sniff_csv(");
  // Line endings are left to DuckDB, as the whole-file conversion leaves them: told '\r\n', DuckDB 1.5 misreads a
  // quoted value holding a line break.
  const sniffed = await db.runAndReadAll(`SELECT DateFormat, TimestampFormat FROM ${sniffSql}`);
  const [dateFormat, timestampFormat] = sniffed.getRowsJson()[0]!.map((v) => (v === null ? "" : String(v)));
  const struct = `{${columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(", ")}}`;
  const options = [
    "auto_detect = false",
    "header = false",
    `delim = ${quoteLiteral(dialect.delimiter)}`,
    "skip = 0",
    `quote = ${quoteLiteral(dialect.quote)}`,
    `escape = ${quoteLiteral(dialect.quote)}`,
    "comment = ''",
    "strict_mode = true",
    "null_padding = false",
    "ignore_errors = false",
    `columns = ${struct}`,
    ...(dateFormat ? [`dateformat = ${quoteLiteral(dateFormat)}`] : []),
    ...(timestampFormat ? [`timestampformat = ${quoteLiteral(timestampFormat)}`] : []),
  ];
  return { dialect, reader: (file) => `read_csv(${quoteLiteral(file)}, ${options.join(", ")})` };
}
