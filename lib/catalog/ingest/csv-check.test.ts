import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toFailure } from "@/lib/util/result";
import { checkCsv } from "./csv-check";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csv-check-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string) => {
  const f = path.join(dir, `${n++}.csv`);
  fs.writeFileSync(f, content);
  return f;
};
const message = async (content: string) => {
  try {
    await checkCsv(file(content));
  } catch (error) {
    return toFailure(error).message;
  }
  return "ok";
};

describe("checkCsv", () => {
  it("counts rows with quoted delimiters, quoted line breaks, escaped quotes, CRLF and blank lines", async () => {
    expect(await checkCsv(file('a,b,c\r\n1,"x, y",3\r\n\r\n2,"multi\nline ""quoted""",4\n3,,\n'))).toEqual({
      delimiter: ",",
      columns: 3,
      rows: 3,
    });
    expect(await checkCsv(file("a;b\n1;2\n"))).toMatchObject({ delimiter: ";", rows: 1 });
  });

  it("names the exact line of a ragged row, an unclosed quote or binary data, also past the first megabyte", async () => {
    const body = Array.from({ length: 60_000 }, (_, i) =>
      i % 7 === 0 ? `${i},"quoted, with comma\nand a line break",x` : `${i},plain value,y`,
    ).join("\n");
    const lines = 1 + 60_000 + Math.ceil(60_000 / 7); // header, rows, and the extra line of each quoted value
    expect(fs.statSync(file(body)).size).toBeGreaterThan(1 << 20);
    expect(await message(`a,b,c\n${body}\n1,2\n`)).toBe(
      `Line ${lines + 1} has 2 values, but the header (the first line) has 3 columns. Every row needs exactly one value per column.`,
    );
    expect(await message(`a,b,c\n${body}\n1,"open,3\n`)).toBe(
      `Line ${lines + 1} opens a quoted value that is never closed (the file ends inside it).`,
    );
    expect(await message(`a,b,c\n${body}\n1,\u0000,3\n`)).toBe(
      `Line ${lines + 1} contains binary data: this is not a text (CSV/TSV) file.`,
    );
    expect(await checkCsv(file(`a,b,c\n${body}\n`))).toMatchObject({ rows: 60_000 });
  });

  it("refuses empty files and a header without rows", async () => {
    expect(await message("")).toBe("The file is empty.");
    expect(await message("\n\r\n")).toBe("The file is empty.");
    expect(await message("a,b\n\n")).toBe("The file has a header line but no data rows.");
  });
});

describe("checkCsv with CR-only line endings (classic Mac)", () => {
  it("counts rows, keeps CR and LF inside quotes as text, and names the line of a ragged row", async () => {
    expect(await checkCsv(file('id,note\r1,"two\rlines"\r2,"lf\ninside"\r3,x\r'))).toEqual({
      delimiter: ",",
      columns: 2,
      rows: 3,
      newLine: "\\r",
    });
    expect(await checkCsv(file("a;b\r\n1;2\r\n"))).toEqual({ delimiter: ";", columns: 2, rows: 1 }); // CRLF is not CR-only
    expect(await message("a,b\r1,2\r3\r")).toMatch(/^Line 3 has 1 value/);
  });
});
