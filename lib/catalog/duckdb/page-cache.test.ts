import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { cachedRows } from "./page-cache";

/** A connection to a fresh in-memory DuckDB with a table t(x) whose values the test changes behind the cache. */
async function connection() {
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  await db.run("CREATE TABLE t AS SELECT range AS x FROM range(3)");
  return db;
}

const read = (db: Awaited<ReturnType<typeof connection>>, sql: string, params: string[] = []) =>
  cachedRows(db, sql, params, async () => (await db.runAndReadAll(sql, params)).getRowsJson());

describe("pages of a dataset's rows cached per pooled connection", () => {
  it("answers the same query with the same values on one connection without running it again", async () => {
    const db = await connection();
    const sql = "SELECT x FROM t WHERE x >= CAST($1 AS BIGINT) ORDER BY x";
    expect(await read(db, sql, ["1"])).toEqual([["1"], ["2"]]);
    await db.run("UPDATE t SET x = x + 10");
    // Cached: a dataset view's file never changes under its connection.
    expect(await read(db, sql, ["1"])).toEqual([["1"], ["2"]]);
    // Other bound values, other SQL: read anew.
    expect(await read(db, sql, ["11"])).toEqual([["11"], ["12"]]);
    expect(await read(db, "SELECT count(*) FROM t")).toEqual([["3"]]);
  });

  it("never answers one connection from another's rows (a replaced file gets new connections)", async () => {
    const first = await connection();
    const second = await connection();
    await second.run("UPDATE t SET x = x * 100");
    expect(await read(first, "SELECT x FROM t ORDER BY x")).toEqual([["0"], ["1"], ["2"]]);
    expect(await read(second, "SELECT x FROM t ORDER BY x")).toEqual([["0"], ["100"], ["200"]]);
  });

  it("reads a page larger than its share of the cache every time", async () => {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    await db.run("CREATE TABLE big AS SELECT range AS x FROM range(40000)");
    const sql = "SELECT sum(x) OVER () FROM big";
    const first = await read(db, sql);
    expect(first).toHaveLength(40_000);
    await db.run("UPDATE big SET x = 0");
    expect((await read(db, sql))[0]).toEqual(["0"]);
  });
});
