// CSV ingest is parsed and validated by DuckDB alone (issue 15); a file it refuses still gets a
// message naming the exact line, also far beyond DuckDB's type sample and the first megabyte.
import fs from "node:fs";
import path from "node:path";
import { DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, it, vi } from "vitest";
import { failure, setupCatalogStorage, stage } from "@/lib/catalog/test-support";
import { convertToParquet } from "./convert";

const storage = setupCatalogStorage();

/** A 300,000-row CSV (about 6 MB) with `bad` as line 250,001 when given. */
function bigCsv(bad?: string): string {
  const lines = ["id,name,amount"];
  for (let i = 0; i < 300_000; i++) lines.push(`${i},n${i},${i * 2}`);
  if (bad !== undefined) lines[250_000] = bad;
  return stage("big.csv", `${lines.join("\n")}\n`);
}

const target = () => path.join(storage.scratch(), `out-${Math.random().toString(36).slice(2)}.parquet`);
const convert = (file: string, out = target()) => convertToParquet({ path: file, name: "big.csv", format: "csv" }, out);

describe("CSV conversion", () => {
  it("counts a valid file's rows and types its columns from the conversion itself", async () => {
    fs.mkdirSync(storage.scratch(), { recursive: true });
    const out = target();
    expect(await convert(bigCsv(), out)).toMatchObject({
      rowCount: 300_000,
      addedRows: 300_000,
      columns: [
        { name: "id", type: "BIGINT" },
        { name: "name", type: "VARCHAR" },
        { name: "amount", type: "BIGINT" },
      ],
    });
    expect(fs.existsSync(out)).toBe(true);
  });

  it("reads a CSV converted as it is once (its columns described from the Parquet), and one with columns to steer before converting too", async () => {
    fs.mkdirSync(storage.scratch(), { recursive: true });
    const file = stage("steer.csv", "id,Name,amount\n1,a,2.5\n2,b,3\n");
    const readsOfFile = async (run: () => Promise<unknown>) => {
      const spy = vi.spyOn(DuckDBConnection.prototype, "runAndReadAll");
      try {
        await run();
        return spy.mock.calls.filter(([sql]) => String(sql).includes("read_csv(")).length;
      } finally {
        spy.mockRestore();
      }
    };
    let asIs: unknown;
    expect(
      await readsOfFile(async () => {
        asIs = await convertToParquet({ path: file, name: "steer.csv", format: "csv" }, target());
      }),
    ).toBe(1);
    const columns = [
      { name: "id", type: "BIGINT" },
      { name: "Name", type: "VARCHAR" },
      { name: "amount", type: "DOUBLE" },
    ];
    expect(asIs).toMatchObject({ rowCount: 2, columns, sourceColumns: columns, fileColumns: columns });
    let steered: unknown;
    expect(
      await readsOfFile(async () => {
        steered = await convertToParquet({ path: file, name: "steer.csv", format: "csv" }, target(), undefined, {
          read: { columns: [{ source: "Name", name: "label" }] },
        });
      }),
    ).toBe(2);
    expect(steered).toMatchObject({
      sourceColumns: columns,
      fileColumns: [columns[0], { name: "label", type: "VARCHAR" }, columns[2]],
    });
  });

  it("names the line of a ragged row, an unclosed quote or binary content deep inside a large file, leaving no output", async () => {
    fs.mkdirSync(storage.scratch(), { recursive: true });
    const cases: [string, string][] = [
      ["7,8", "Line 250001 has 2 values, but the header (the first line) has 3 columns."],
      ["7,8,9,10", "Line 250001 has 4 values, but the header (the first line) has 3 columns."],
      ['7,"8,9', "Line 250001 opens a quoted value that is never closed (the file ends inside it)."],
      ["7,\u0000,9", "Line 250001 contains binary data: this is not a text (CSV/TSV) file."],
    ];
    for (const [bad, message] of cases) {
      const out = target();
      const result = await failure(convert(bigCsv(bad), out));
      expect(result, bad).toMatchObject({ code: "invalid" });
      expect(result.message, bad).toContain(message);
      expect(fs.existsSync(out), bad).toBe(false);
    }
  });

  it("refuses an empty file and a header without rows with their own messages", async () => {
    fs.mkdirSync(storage.scratch(), { recursive: true });
    expect((await failure(convert(stage("e.csv", "")))).message).toBe("The file is empty.");
    expect((await failure(convert(stage("h.csv", "a,b\n")))).message).toBe(
      "The file has a header line but no data rows.",
    );
    expect((await failure(convert(stage("blank.csv", "\n\n\n")))).message).toBe("The file is empty.");
  });
});
