// A CSV converted while it arrives (a multipart upload's parts) must give exactly what converting the whole file
// gives, or nothing (the ingest then converts the whole file): the same columns, types, values and order.
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { setupCatalogStorage } from "@/lib/catalog/test-support";
import { quoteLiteral } from "../sql";
import { type CsvRead, convertToParquet } from "./convert";
import { GrowingCsv } from "./growing-csv";

const storage = setupCatalogStorage();
const MiB = 1024 * 1024;
const UTF8: CsvRead = { delimiter: ",", header: true, quote: '"', encoding: "utf-8" };

/** 100,000 rows (about 7 MB): day-first dates and times, quoted values with commas, doubled quotes and line breaks. */
function csvText(options: { eol?: string; rows?: number; bad?: { row: number; amount: string } } = {}): Buffer {
  const eol = options.eol ?? "\n";
  const lines = ["id,day,at,label,amount,flag,note"];
  for (let i = 0; i < (options.rows ?? 100_000); i++) {
    const d = String((i % 28) + 1).padStart(2, "0");
    const label = i % 7 === 0 ? `"line ${i}${eol}second, ""quoted"" part"` : i % 3 === 0 ? `"a, b ${i}"` : `plain ${i}`;
    const amount = options.bad?.row === i ? options.bad.amount : (i * 1.25).toFixed(2);
    lines.push(
      `${i},${d}/03/2025,${d}/03/2025 10:${String(i % 60).padStart(2, "0")}:00,${label},${amount},${i % 2 === 0},${i % 5 ? "" : "n"}`,
    );
  }
  return Buffer.from(`${lines.join(eol)}${eol}`);
}

const scratch = (name: string) => {
  fs.mkdirSync(storage.scratch(), { recursive: true });
  return path.join(storage.scratch(), `${name}-${Math.random().toString(36).slice(2)}`);
};

/** Writes `bytes` into a new file in slices of varying size, telling `growing` after each, as parts arrive. */
async function arrive(bytes: Buffer, growing: GrowingCsv, file: string): Promise<void> {
  const fd = fs.openSync(file, "w");
  try {
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const slice = Math.min(bytes.length - at, [300_000, 1_100_000, 77_777, 2_000_000][i % 4]!);
      fs.writeSync(fd, bytes, at, slice, at);
      at += slice;
      growing.grew(at);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function sameTable(a: string, b: string, also: (rows: (sql: string) => Promise<unknown[][]>) => Promise<void>) {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowsJson();
    const [pa, pb] = [quoteLiteral(a), quoteLiteral(b)];
    expect(await rows(`DESCRIBE SELECT * FROM read_parquet(${pa})`)).toEqual(
      await rows(`DESCRIBE SELECT * FROM read_parquet(${pb})`),
    );
    const numbered = (p: string) => `SELECT * FROM read_parquet(${p}, file_row_number = true)`;
    expect(await rows(`SELECT count(*) FROM (${numbered(pa)} EXCEPT ALL ${numbered(pb)})`)).toEqual([["0"]]);
    expect(await rows(`SELECT count(*) FROM (${numbered(pb)} EXCEPT ALL ${numbered(pa)})`)).toEqual([["0"]]);
    await also(rows);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe("a CSV converted while it arrives", () => {
  for (const eol of ["\n", "\r\n"]) {
    it(`equals the whole file's conversion, with records split across pieces (${JSON.stringify(eol)} lines)`, async () => {
      const file = scratch("upload.csv");
      const growing = new GrowingCsv(file, "csv", scratch("pieces"), 2 * MiB);
      await arrive(csvText({ eol }), growing, file);

      const ours = scratch("ours.parquet");
      const finished = growing.finish(file, fs.statSync(file).size)!;
      let taken: unknown = "not asked";
      const viaPieces = await convertToParquet({ path: file, name: "upload.csv", format: "csv" }, ours, undefined, {
        preconverted: { take: async (to, dialect) => (taken = await finished.take(to, dialect)) },
      });
      expect(taken).toEqual({ rows: 100_000 }); // the pieces were used, not a conversion of the whole file
      const workDir = (growing as unknown as { workDir: string }).workDir;
      const pieces = fs.readdirSync(workDir).filter((n) => n.endsWith(".parquet"));
      expect(pieces.length).toBeGreaterThanOrEqual(2); // cut into pieces, not converted whole at the end
      const whole = scratch("whole.parquet");
      const wholeResult = await convertToParquet({ path: file, name: "upload.csv", format: "csv" }, whole);
      expect({ ...viaPieces, sizeBytes: 0 }).toEqual({ ...wholeResult, sizeBytes: 0 }); // row groups fall elsewhere
      expect(viaPieces.rowCount).toBe(100_000);
      expect(viaPieces.columns.map((c) => c.type)).toEqual([
        "BIGINT",
        "DATE",
        "TIMESTAMP",
        "VARCHAR",
        "DOUBLE",
        "BOOLEAN",
        "VARCHAR",
      ]);
      await sameTable(ours, whole, async (rows) => {
        expect(await rows(`SELECT label FROM read_parquet(${quoteLiteral(ours)}) WHERE id = 70000`)).toEqual([
          [`line 70000${eol}second, "quoted" part`],
        ]);
      });
      await growing.discard();
    });
  }

  it("gives nothing when a later value does not fit the types the first rows gave (the whole file is converted instead)", async () => {
    const file = scratch("upload.csv");
    const growing = new GrowingCsv(file, "csv", scratch("pieces"), 2 * MiB);
    await arrive(csvText({ bad: { row: 90_000, amount: "n/a" } }), growing, file);
    const taken = await growing.finish(file, fs.statSync(file).size)!.take(scratch("out.parquet"), UTF8);
    expect(taken).toBeNull();
    const whole = await convertToParquet({ path: file, name: "upload.csv", format: "csv" }, scratch("whole.parquet"));
    expect(whole.columns.find((c) => c.name === "amount")?.type).toBe("VARCHAR");
    await growing.discard();
  });

  it("gives nothing once bytes a piece read are withdrawn, and goes on when only bytes not yet read are", async () => {
    const text = csvText();
    const file = scratch("upload.csv");
    const growing = new GrowingCsv(file, "csv", scratch("pieces"), 2 * MiB);
    await arrive(text, growing, file);
    growing.withdraw(1000); // an append that "failed" far behind what the pieces read
    expect(growing.finish(file, text.length)).toBeNull();
    await growing.discard();

    const other = scratch("upload.csv");
    const second = new GrowingCsv(other, "csv", scratch("pieces"), 2 * MiB);
    const fd = fs.openSync(other, "w");
    fs.writeSync(fd, text, 0, 1000, 0);
    second.grew(1000);
    second.withdraw(500); // nothing was read yet: the bytes are written again below
    fs.closeSync(fd);
    await arrive(text, second, other);
    const out = scratch("out.parquet");
    expect(await second.finish(other, text.length)!.take(out, UTF8)).toEqual({ rows: 100_000 });
    await second.discard();
  });

  it("gives nothing for text that is not UTF-8 or a dialect other than the conversion's", async () => {
    const latin = Buffer.concat([Buffer.from("id,name\n"), Buffer.from("1,caf\xe9\n".repeat(400_000), "latin1")]);
    const file = scratch("latin.csv");
    const growing = new GrowingCsv(file, "csv", scratch("pieces"), 2 * MiB);
    await arrive(latin, growing, file);
    expect((await growing.finish(file, latin.length)?.take(scratch("out.parquet"), UTF8)) ?? null).toBeNull();
    await growing.discard();

    const text = csvText({ rows: 30_000 });
    const plain = scratch("plain.csv");
    const again = new GrowingCsv(plain, "csv", scratch("pieces"), 2 * MiB);
    await arrive(text, again, plain);
    const asSemicolons = { ...UTF8, delimiter: ";" };
    expect(await again.finish(plain, text.length)!.take(scratch("out.parquet"), asSemicolons)).toBeNull();
    await again.discard();
  });

  it("converts a file too small for pieces at the end, whole", async () => {
    const text = csvText({ rows: 500 });
    const file = scratch("small.csv");
    const growing = new GrowingCsv(file, "csv", scratch("pieces"), 2 * MiB);
    await arrive(text, growing, file);
    expect(await growing.finish(file, text.length)!.take(scratch("out.parquet"), UTF8)).toEqual({ rows: 500 });
    await growing.discard();
  });
});
