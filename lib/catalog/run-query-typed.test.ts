import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it, vi } from "vitest";
import { runPrepared } from "./duckdb/prepared";
import type { DatasetQuery } from "./query-schema";
import { runQuery } from "./run-query";
import { setupCatalogStorage } from "./test-support";
import type { Column } from "./types";

// Every statement the query service prepares, so a test can see which ones a page cost.
vi.mock("./duckdb/prepared", async (original) => {
  const actual = await original<typeof import("./duckdb/prepared")>();
  return { ...actual, runPrepared: vi.fn(actual.runPrepared) };
});

const storage = setupCatalogStorage();
const COLUMNS: Column[] = [
  { name: "id", type: "BIGINT" },
  { name: "city", type: "VARCHAR" },
  { name: "temp", type: "DOUBLE" },
];

async function writeParquet(name: string, rows: number): Promise<string> {
  const file = path.join(storage.dir(), name);
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`COPY (SELECT range AS id, ['Oslo', 'Bergen'][range % 2 + 1] AS city, CAST(range AS DOUBLE) AS temp
    FROM range(${rows})) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
  return file;
}

const page = (filters: DatasetQuery["filters"]): DatasetQuery => ({ filters, sort: [], limit: 10, offset: 0 });
const source = (parquetPath: string, rowCount: number) => ({ parquetPath, columns: COLUMNS, rowCount });
const checks = () => vi.mocked(runPrepared).mock.calls.filter(([, sql]) => sql.includes("TRY_CAST")).length;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (error: unknown) => error,
  );
const BAD_TEMP = { code: "invalid", message: 'Filter on "temp": "warm" is not a valid DOUBLE value.' };

describe("filter values cast to their column's type", () => {
  it("a page whose typed values match rows runs no check statement before its query (the query's cast is the check)", async () => {
    const file = await writeParquet("valid.parquet", 100);
    vi.mocked(runPrepared).mockClear();
    const result = await runQuery(source(file, 100), page([{ column: "temp", op: "range", min: "10", max: 19 }]));
    expect(result.total).toBe(10);
    expect(result.rows.map((r) => r[0])).toEqual(["10", "11", "12", "13", "14", "15", "16", "17", "18", "19"]);
    expect(checks()).toBe(0);
  });

  it("refuses a value invalid for its column with the message naming it, whether the query fails or matches nothing", async () => {
    const file = await writeParquet("rows.parquet", 100);
    const empty = await writeParquet("empty.parquet", 0);
    // The query's own cast fails.
    expect(
      await failure(runQuery(source(file, 100), page([{ column: "temp", op: "eq", value: "warm" }]))),
    ).toMatchObject(BAD_TEMP);
    // No row reaches the cast: an empty file, or an earlier filter that keeps nothing.
    expect(
      await failure(runQuery(source(empty, 0), page([{ column: "temp", op: "range", max: "warm" }]))),
    ).toMatchObject(BAD_TEMP);
    expect(
      await failure(
        runQuery(
          source(file, 100),
          page([
            { column: "city", op: "eq", value: "Nowhere" },
            { column: "temp", op: "range", min: "warm" },
          ]),
        ),
      ),
    ).toMatchObject(BAD_TEMP);
    // The same invalid filter again (its page and count could have been remembered): still refused.
    expect(
      await failure(runQuery(source(empty, 0), page([{ column: "temp", op: "range", max: "warm" }]))),
    ).toMatchObject(BAD_TEMP);
    // Valid values that match nothing are an empty page, not an error.
    const none = await runQuery(
      source(file, 100),
      page([
        { column: "city", op: "eq", value: "Nowhere" },
        { column: "temp", op: "range", min: "1.5" },
      ]),
    );
    expect(none).toMatchObject({ total: 0, rows: [] });
  });
});
