import { execFileSync, spawnSync } from "node:child_process";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetSnippets, linkParquetUrls, restParquetUrls } from "./snippets";

// Each snippet is run through the interpreter it is written for (bash, Python with stand-in modules
// that print what they are given), and the SQL that comes out is parsed by DuckDB itself: a quoting
// slip fails here, not on a user's machine.
const TOKEN = "dsk_AbC-123_xyz";
const ENV = { ...process.env, DATASHELF_TOKEN: TOKEN };
const awkward = "http://data.example:3000/api/v1/data/o'brien/sales/q%24%60?format=parquet&version=3";

function bash(script: string, stdinFrom = "cat"): string {
  return execFileSync("bash", ["-c", script.replace(/^(duckdb|curl)/, stdinFrom)], {
    env: ENV,
    encoding: "utf8",
  });
}

const PY_STUBS = `
import sys, types
class Con:
    def sql(self, s):
        print("SQL:" + s)
        return self
    def df(self):
        return None
duck = types.ModuleType("duckdb"); duck.connect = lambda: Con(); sys.modules["duckdb"] = duck
pd = types.ModuleType("pandas")
def read_parquet(url, storage_options=None):
    print("URL:" + url); print("HEADERS:" + repr(storage_options))
pd.read_parquet = read_parquet; sys.modules["pandas"] = pd
`;

function python(code: string): string[] {
  return execFileSync("python3", ["-c", `${PY_STUBS}\n${code}`], {
    env: ENV,
    encoding: "utf8",
  })
    .trim()
    .split("\n");
}

// Python is on every Debian machine CI uses; where it is missing its two tests say so as skipped.
const hasPython = spawnSync("python3", ["--version"]).status === 0;

let duck: DuckDBInstance;
beforeAll(async () => {
  duck = await DuckDBInstance.create(":memory:");
});
afterAll(() => duck.closeSync());

async function parses(sql: string): Promise<number> {
  const connection = await duck.connect();
  try {
    return (await connection.extractStatements(sql)).count;
  } finally {
    connection.closeSync();
  }
}

const code = (url: string, auth: "token" | "link", id: string) =>
  datasetSnippets({ url, file: "orders v3.parquet", auth }).find((s) => s.id === id)!.code;

describe("dataset snippets", () => {
  it("builds stable per-version and latest URLs, lower-cased and encoded", () => {
    expect(restParquetUrls("http://h:3000", { owner: "Alice", namespace: "sales", slug: "orders-2026" }, 4)).toEqual({
      version: "http://h:3000/api/v1/data/alice/sales/orders-2026?format=parquet&version=4",
      latest: "http://h:3000/api/v1/data/alice/sales/orders-2026?format=parquet",
    });
    expect(linkParquetUrls("http://h", "ds1", 2, "a+b/c").version).toBe(
      "http://h/api/datasets/ds1/download?format=parquet&link=a%2Bb%2Fc&version=2",
    );
  });

  it("curl sends the token from the environment and keeps the URL and file name as one word each", () => {
    const words = bash(`printf '%s\\n' ${code(awkward, "token", "curl").replace(/^curl /, "")}`, "printf")
      .trim()
      .split("\n");
    expect(words).toEqual(["-fL", "-H", `Authorization: Bearer ${TOKEN}`, "-o", "orders v3.parquet", awkward]);
    expect(code(awkward, "link", "curl")).not.toContain("Authorization");
  });

  it.skipIf(!hasPython)("pandas reads the URL with the bearer header", () => {
    expect(python(code(awkward, "token", "pandas"))).toEqual([
      `URL:${awkward}`,
      `HEADERS:{'Authorization': 'Bearer ${TOKEN}'}`,
    ]);
    expect(python(code(awkward, "link", "pandas"))).toEqual([`URL:${awkward}`, "HEADERS:None"]);
  });

  it.skipIf(!hasPython)(
    "DuckDB from Python runs SQL that DuckDB parses, with the token in the secret and the URL intact",
    async () => {
      const sql = python(code(awkward, "token", "duckdb-python")).map((line) => line.replace(/^SQL:/, ""));
      expect(sql).toHaveLength(3);
      expect(sql[1]).toContain(`'Authorization': 'Bearer ${TOKEN}'`);
      expect(sql[1]).toContain("SCOPE 'http://data.example:3000'");
      expect(sql[2]).toBe(`SELECT * FROM read_parquet('${awkward.replaceAll("'", "''")}')`);
      for (const statement of sql) expect(await parses(statement)).toBeGreaterThan(0);
    },
  );

  it("the DuckDB CLI here-document expands only the token", async () => {
    const sql = bash(code(awkward, "token", "duckdb-cli"));
    expect(sql).toContain(`'Authorization': 'Bearer ${TOKEN}'`);
    expect(sql).toContain(`read_parquet('${awkward.replaceAll("'", "''")}')`);
    expect(await parses(sql)).toBe(5);
    const linkSql = bash(code(`${awkward}&link=x$y`, "link", "duckdb-cli"));
    expect(linkSql).toContain("&link=x$y')");
    expect(linkSql).not.toContain("SECRET");
    expect(await parses(linkSql)).toBe(4);
  });
});
