import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { failure } from "@/test/failure";
import { assertAggregateSafe } from "./aggregate-safe-sql";

// North: 12 rows, South: 15, East: 3; customers c0..c29 one row each.
let db: DuckDBConnection;
const columns = [
  { name: "region", type: "VARCHAR" },
  { name: "customer", type: "VARCHAR" },
  { name: "amount", type: "BIGINT" },
];
beforeAll(async () => {
  db = await (await DuckDBInstance.create(":memory:")).connect();
  await db.run(`CREATE TABLE data AS SELECT
      CASE WHEN i < 12 THEN 'North' WHEN i < 27 THEN 'South' ELSE 'East' END AS region,
      'c' || i AS customer, (i + 1)::BIGINT AS amount FROM range(30) t(i)`);
});

const check = (sql: string, k = 10) => assertAggregateSafe(db, sql, k, columns);
const SMALL = "A group would have fewer than 10 rows; group by fewer columns or widen the filter.";

describe("assertAggregateSafe", () => {
  it("accepts grouped totals whose every group has at least K rows", async () => {
    await check(
      "SELECT region, count(*), sum(amount) AS total FROM data WHERE region IN ('North', 'South') GROUP BY region ORDER BY region",
    );
    await check("SELECT count(*), avg(amount) FROM data");
    await check("SELECT region, max(amount) FROM data GROUP BY region", 3);
  });

  it("refuses a query with any group, or an only group, or no group, under K rows", async () => {
    for (const sql of [
      "SELECT region, count(*) FROM data GROUP BY region", // East has 3
      "SELECT count(*) FROM data WHERE customer = 'c7'", // one customer's row
      "SELECT count(*) FROM data WHERE region = 'nowhere'", // whether a value occurs
      "SELECT customer, sum(amount) FROM data GROUP BY customer",
      "SELECT region, count(*) FROM data GROUP BY region ORDER BY 2 DESC LIMIT 2", // LIMIT does not hide East from the check
    ]) {
      expect(await failure(check(sql)), sql).toMatchObject({ code: "forbidden", message: SMALL });
    }
  });

  it("refuses anything that is not plain grouped totals over data", async () => {
    for (const sql of [
      "SELECT * FROM data",
      "SELECT customer FROM data",
      "SELECT region, customer, count(*) FROM data GROUP BY region",
      "SELECT region, count(*) FROM data GROUP BY ALL",
      "SELECT region, list(customer) FROM data GROUP BY region",
      "SELECT region, string_agg(customer, ',') FROM data GROUP BY region",
      "SELECT region, count(DISTINCT customer) FROM data GROUP BY region",
      "SELECT region, min(customer) FROM data GROUP BY region",
      "SELECT region, sum(amount) FILTER (WHERE customer = 'c1') FROM data GROUP BY region",
      "SELECT region, count(*) FROM data GROUP BY region HAVING count(*) > 1",
      "SELECT region, count(*) FROM data GROUP BY ROLLUP (region)",
      "WITH x AS (SELECT * FROM data) SELECT count(*) FROM x",
      "SELECT count(*) FROM (SELECT * FROM data)",
      "SELECT count(*) FROM data a JOIN data b USING (region)",
      "SELECT count(*) FROM read_csv('/etc/passwd')",
      "SELECT count(*) FROM data UNION ALL SELECT count(*) FROM data",
      "SELECT count(*) FROM data WHERE amount = (SELECT max(amount) FROM data)",
      "SELECT count(*) FROM data WHERE CAST(customer AS INTEGER) = 1",
      "SELECT count(*) FROM data WHERE length(customer) > 1",
      "SELECT count(*) FROM data; SELECT 1",
      "SELECT sum(amount + 1) FROM data",
    ]) {
      expect(await failure(check(sql, 2)), sql).toMatchObject({ code: expect.stringMatching(/forbidden|invalid/) });
      expect((await failure(check(sql, 2))).message, sql).not.toBe(SMALL.replace("10", "2"));
    }
  });

  it("never quotes a row's value in its answer", async () => {
    const answer = await failure(check("SELECT count(*) FROM data WHERE customer = 1", 2));
    expect(answer.message).not.toMatch(/c\d/);
    expect(answer).toMatchObject({ code: "invalid" });
  });
});
