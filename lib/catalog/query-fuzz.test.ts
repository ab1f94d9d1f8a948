// Query input fuzzed with SQL fragments and path strings: it must never reach DuckDB as SQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/util/errors";
import { toFailure } from "@/lib/util/result";
import { acquireDatasetDb, closeDatasetDbs } from "./duckdb/dataset-db";
import { datasetQuerySchema, type DatasetQuery } from "./query-schema";
import { buildQuery } from "./query-sql";
import { runQuery } from "./run-query";
import type { Column } from "./types";

const CANARY = path.join(os.tmpdir(), `datashelf-canary-${process.pid}.csv`);
// Where an escaped COPY would write: a path of this run's own, so a stray file elsewhere on the machine cannot fail it.
const ESCAPE = path.join(os.tmpdir(), `datashelf-escape-${process.pid}`);
const HOSTILE_COLUMN = `'); COPY data TO '${ESCAPE}'; --`;

/** Hostile strings: statement breakers, comments, file readers, paths, quotes of every kind, NUL and odd Unicode. */
const HOSTILE = [
  "'; DROP TABLE data; --",
  '"; DROP TABLE data; --',
  "1 OR 1=1",
  "' OR '1'='1",
  "x') UNION SELECT * FROM read_csv('/etc/passwd') --",
  `'); COPY (SELECT 1) TO '${CANARY}'; --`,
  "/etc/passwd",
  "../../../../etc/shadow",
  "file:///etc/hosts",
  `read_parquet('${CANARY}')`,
  "$1",
  "?",
  ":name",
  "\\'; SELECT 1; --",
  "ATTACH '/tmp/x.db' AS x",
  "INSTALL httpfs; LOAD httpfs",
  "SET enable_external_access = true",
  "PRAGMA database_list",
  "getenv('HOME')",
  "*/ SELECT 1 /*",
  "\u0000",
  "a\u0000b",
  "😀'\"`",
  "\u202e'--",
  "%_%",
  "",
  " ",
  "1e309",
  "-0",
  "NULL",
];

/** Deterministic pseudo-random numbers, so a failure is reproducible. */
function random(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const SCHEMA: Column[] = [
  { name: "id", type: "BIGINT" },
  { name: "city", type: "VARCHAR" },
  { name: "temp", type: "DOUBLE" },
  { name: "day", type: "DATE" },
  { name: "ok", type: "BOOLEAN" },
  // Column names come from uploaded files' headers, so they can be hostile too.
  { name: 'a"; DROP TABLE data; --', type: "VARCHAR" },
  { name: HOSTILE_COLUMN, type: "BIGINT" },
];

function randomQuery(next: () => number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const hostile = () => pick(HOSTILE);
  const column = () => (next() < 0.2 ? hostile() : pick(SCHEMA).name);
  const value = () => (next() < 0.7 ? hostile() : next() < 0.5 ? Math.round(next() * 100) : next() < 0.5);
  const filters = Array.from({ length: Math.floor(next() * 4) }, () => {
    const op = pick(["eq", "contains", "range", "is_null", "not_null", "drop table", hostile()]);
    return op === "range"
      ? { column: column(), op, min: value(), ...(next() < 0.5 ? { max: value() } : {}) }
      : { column: column(), op, value: value() };
  });
  return {
    filters,
    sort: Array.from({ length: Math.floor(next() * 3) }, () => ({
      column: column(),
      direction: pick(["asc", "desc", "desc; DROP TABLE data"]),
    })),
    ...(next() < 0.3 ? { columns: [column(), column()] } : {}),
    limit: pick([10, 50, "50; DROP TABLE data", -1, 1e9]),
    offset: pick([0, 5, "0 --", 1.5]),
  };
}

/** The same query with every filter value replaced by a neutral one: the SQL text must not change. */
function neutral(query: DatasetQuery): DatasetQuery {
  return {
    ...query,
    filters: query.filters.map((f) =>
      f.op === "eq"
        ? { ...f, value: "x" }
        : f.op === "contains"
          ? { ...f, value: "x" }
          : f.op === "range"
            ? { ...f, ...(f.min !== undefined ? { min: "x" } : {}), ...(f.max !== undefined ? { max: "x" } : {}) }
            : f,
    ),
  };
}

describe("structured query SQL (fuzzed)", () => {
  it("never puts a value into SQL text, only into bound parameters; unknown columns and malformed shapes are refused", () => {
    const next = random(20261123);
    let built = 0;
    for (let i = 0; i < 5000; i++) {
      const parsed = datasetQuerySchema.safeParse(randomQuery(next));
      if (!parsed.success) continue; // malformed shapes never get as far as SQL
      let query: ReturnType<typeof buildQuery>;
      try {
        query = buildQuery(SCHEMA, parsed.data, { rowNumber: true });
      } catch (error) {
        expect(error).toBeInstanceOf(AppError); // unknown column, or a filter the column type cannot take
        expect((error as AppError).code).toBe("invalid");
        continue;
      }
      built++;
      expect(query.sql).toBe(buildQuery(SCHEMA, neutral(parsed.data), { rowNumber: true }).sql);
      expect(query.countSql).toBe(buildQuery(SCHEMA, neutral(parsed.data), { rowNumber: true }).countSql);
      expect(query.pageKeysSql).toBe(buildQuery(SCHEMA, neutral(parsed.data), { rowNumber: true }).pageKeysSql);
      for (const sql of [query.sql, query.countSql, query.pageKeysSql ?? ""]) expect(sql).not.toContain("/etc/passwd");
      for (const fragment of [
        "/etc/passwd",
        "read_csv",
        "read_parquet",
        CANARY,
        "UNION",
        "ATTACH",
        "INSTALL",
        "getenv",
        "PRAGMA",
        "' OR '",
      ]) {
        expect(query.sql).not.toContain(fragment);
      }
      expect(query.sql).not.toContain("\u0000");
      const values = parsed.data.filters.flatMap((f) =>
        "value" in f ? [f.value] : f.op === "range" ? [f.min, f.max].filter((v) => v !== undefined) : [],
      );
      expect(query.params).toEqual(values.map(String));
    }
    expect(built).toBeGreaterThan(200); // the fuzzer reached the SQL builder often enough to mean something
  });
});

describe("structured queries on DuckDB (fuzzed)", () => {
  let dir = "";
  let parquet = "";
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-fuzz-"));
    process.env.DATA_DIR = dir;
    parquet = path.join(dir, "data.parquet");
    fs.writeFileSync(CANARY, "secret\nnever-read\n");
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    await c.run(`COPY (SELECT range AS id, ['Oslo', 'Bergen', '/etc/passwd'][range % 3 + 1] AS city, range / 3.0 AS temp, DATE '2026-01-01' + CAST(range AS INTEGER) AS day, range % 2 = 0 AS ok,
      'v' || range AS "a""; DROP TABLE data; --", range * 10 AS "${HOSTILE_COLUMN}" FROM range(300)) TO '${parquet}' (FORMAT parquet)`);
    c.closeSync();
    instance.closeSync();
  });
  afterAll(async () => {
    await closeDatasetDbs();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(CANARY, { force: true });
  });

  it("answers every fuzzed query with rows or a clear input error, reading nothing but the dataset", async () => {
    const next = random(7);
    const source = { parquetPath: parquet, columns: SCHEMA, rowCount: 300 };
    let answered = 0;
    for (let i = 0; i < 1500; i++) {
      const parsed = datasetQuerySchema.safeParse(randomQuery(next));
      if (!parsed.success) continue;
      try {
        const result = await runQuery(source, parsed.data);
        answered++;
        expect(result.rows.length).toBeLessThanOrEqual(parsed.data.limit);
        expect(JSON.stringify(result.rows)).not.toContain("never-read");
      } catch (error) {
        expect(toFailure(error).code, String(error)).toBe("invalid");
      }
    }
    expect(answered).toBeGreaterThan(30);
    // The hostile strings were data: the dataset is intact, and the value that looks like a path matched as text.
    const intact = await runQuery(
      source,
      datasetQuerySchema.parse({ filters: [{ column: "city", op: "eq", value: "/etc/passwd" }] }),
    );
    expect(intact.total).toBe(100);
    expect(fs.readFileSync(CANARY, "utf8")).toBe("secret\nnever-read\n");
    expect(fs.existsSync(ESCAPE)).toBe(false);
  });

  it("hostile column names from a file header are quoted, never executed", async () => {
    const source = { parquetPath: parquet, columns: SCHEMA, rowCount: 300 };
    const result = await runQuery(
      source,
      datasetQuerySchema.parse({
        columns: ['a"; DROP TABLE data; --', HOSTILE_COLUMN],
        filters: [{ column: HOSTILE_COLUMN, op: "range", min: 50, max: 70 }],
        sort: [{ column: 'a"; DROP TABLE data; --', direction: "desc" }],
      }),
    );
    expect(result.rows).toEqual([
      ["v7", "70"],
      ["v6", "60"],
      ["v5", "50"],
    ]);
  });

  it("the dataset's DuckDB cannot read other files nor be unlocked, even with SQL written by hand", async () => {
    const { connection, release } = await acquireDatasetDb(parquet, true, null);
    try {
      for (const sql of [
        `SELECT * FROM read_csv('${CANARY}')`,
        `SELECT * FROM read_text('/etc/passwd')`,
        `COPY (SELECT 1) TO '${path.join(dir, "out.csv")}'`,
        "SET enable_external_access = true",
        "SET allowed_paths = ['/']",
        "SET lock_configuration = false",
        `ATTACH '${path.join(dir, "x.db")}' AS x`,
        "INSTALL httpfs",
      ]) {
        await expect(connection.run(sql), sql).rejects.toThrow(
          /Permission|disabled|lock|not allowed|cannot|Configuration/i,
        );
      }
      expect((await connection.runAndReadAll("SELECT count(*) FROM data")).getRowsJson()[0]![0]).toBe("300");
    } finally {
      release();
    }
    expect(fs.existsSync(path.join(dir, "out.csv"))).toBe(false);
  });
});
