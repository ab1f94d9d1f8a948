import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Column } from "@/lib/catalog/types";
import { scopedSelectSql } from "./scope-sql";
import type { Scope } from "./scope-schema";

const COLUMNS: Column[] = [
  { name: "id", type: "BIGINT" },
  { name: "site", type: "VARCHAR" },
  { name: "pressure", type: "DOUBLE" },
  { name: "recorded_at", type: "TIMESTAMP" },
] as Column[];

let dir: string;
let file: string;
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scope-sql-"));
  file = path.join(dir, "readings.parquet");
  instance = await DuckDBInstance.create(":memory:");
  db = await instance.connect();
  // Sorted by site in small row groups, as many real files are: row-group statistics can skip whole sites.
  await db.run(`COPY (SELECT range AS id, ['airport','east','north','west'][range // 2000 + 1] AS site,
      CASE WHEN range % 7 = 0 THEN NULL ELSE 980 + range % 60 END::DOUBLE AS pressure,
      TIMESTAMP '2026-01-01' + to_seconds(range) AS recorded_at FROM range(8000))
    TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
});

afterAll(() => {
  db.closeSync();
  instance.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = () => `read_parquet('${file}')`;

/** The filters DuckDB pushes into the Parquet scan (what row-group statistics prune on), sorted. */
async function scanFilters(sql: string): Promise<string[]> {
  const plan = JSON.parse(String((await db.runAndReadAll(`EXPLAIN (FORMAT json) ${sql}`)).getRows()[0]![1]));
  const found: string[] = [];
  const walk = (node: { name: string; children: unknown[]; extra_info?: { Filters?: string | string[] } }) => {
    if (node.name === "READ_PARQUET") found.push(...[node.extra_info?.Filters ?? []].flat());
    for (const child of node.children) walk(child as typeof node);
  };
  for (const root of plan) walk(root);
  return found.sort();
}

const scope = (rows: Scope["rows"], columns: string[] | null = null): Scope => ({ rows, columns });

describe("a slice's view is scanned like the owner's same filtered query", () => {
  const cases: { name: string; scope: Scope; owner: string }[] = [
    { name: "text equality", scope: scope([{ column: "site", op: "eq", value: "north" }]), owner: `site = 'north'` },
    {
      name: "numeric range and equality",
      scope: scope(
        [
          { column: "pressure", op: "range", min: 990, max: 1000 },
          { column: "id", op: "eq", value: 4100 },
        ],
        ["id", "pressure"],
      ),
      owner: `pressure >= 990 AND pressure <= 1000 AND id = 4100`,
    },
    {
      name: "timestamp range and not-null",
      scope: scope([
        { column: "recorded_at", op: "range", min: "2026-01-01 01:00:00" },
        { column: "pressure", op: "not_null" },
      ]),
      owner: `recorded_at >= TIMESTAMP '2026-01-01 01:00:00' AND pressure IS NOT NULL`,
    },
  ];

  for (const c of cases) {
    it(`pushes the slice's ${c.name} into the Parquet scan as the owner's filter is`, async () => {
      const slice = `SELECT count(*) FROM (${scopedSelectSql(source(), COLUMNS, c.scope, false)}) data`;
      const owner = `SELECT count(*) FROM ${source()} WHERE ${c.owner}`;
      expect(await scanFilters(slice)).toEqual(await scanFilters(owner));
      // and the same rows: the pushed-down form keeps exactly the rows the owner's filter keeps
      const [[sliceCount]] = (await db.runAndReadAll(slice)).getRowsJson() as [[string]];
      const [[ownerCount]] = (await db.runAndReadAll(owner)).getRowsJson() as [[string]];
      expect(sliceCount).toBe(ownerCount);
      expect(Number(sliceCount)).toBeGreaterThan(0);
    });
  }

  it("still drops rows whose condition is NULL, and a value that does not fit its column matches nothing", async () => {
    const nulls = scopedSelectSql(source(), COLUMNS, scope([{ column: "pressure", op: "range", max: 985 }]), false);
    const kept = (await db.runAndReadAll(`SELECT count(*) FROM (${nulls}) data WHERE pressure IS NULL`)).getRowsJson();
    expect(kept).toEqual([["0"]]);
    const misfit = scopedSelectSql(source(), COLUMNS, scope([{ column: "id", op: "eq", value: "north" }]), false);
    expect((await db.runAndReadAll(`SELECT count(*) FROM (${misfit}) data`)).getRowsJson()).toEqual([["0"]]);
    const contains = scopedSelectSql(
      source(),
      COLUMNS,
      scope([{ column: "pressure", op: "contains", value: "9" }]),
      false,
    );
    const noNull = `SELECT count(*) FROM (${contains}) data WHERE pressure IS NULL`;
    expect((await db.runAndReadAll(noNull)).getRowsJson()).toEqual([["0"]]);
  });
});
