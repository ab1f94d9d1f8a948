// The SQL console for a slice's reader and for a totals-only grantee: the same sandbox and views
// as everyone's, so the slice and the minimum group size hold there too.
import { describe, expect, it } from "vitest";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { shareResource } from "@/lib/sharing/share-resource";
import { setupTestDatabase } from "@/test/db";
import { exportConsoleResult } from "./export-console-result";
import { runConsoleQuery } from "./run-console-query";

setupTestDatabase();
setupCatalogStorage();

// North: 12 rows, South: 15, East: 3.
const ORDERS = [
  "id,region,amount,customer_id",
  ...Array.from({ length: 12 }, (_, i) => `${i + 1},North,${i + 1},n${i}`),
  ...Array.from({ length: 15 }, (_, i) => `${i + 13},South,10,s${i}`),
  ...Array.from({ length: 3 }, (_, i) => `${i + 28},East,100,e${i}`),
].join("\n");
const SMALL = "A group would have fewer than 10 rows; group by fewer columns or widen the filter.";

async function world() {
  const cast = await createCast();
  const carol = await cast.extraUser("carol");
  const tom = await cast.extraUser("tom");
  const orders = await createDataset(cast.owner, cast.workspace.id, "orders.csv", ORDERS);
  const customers = await createDataset(cast.owner, cast.workspace.id, "customers.csv", "customer_id,city\nn0,Oslo\n");
  await shareResource(cast.owner, "dataset", orders.datasetId, {
    grantees: [carol.username!],
    role: "viewer",
    scope: { rows: [{ column: "region", op: "eq", value: "North" }], columns: ["id", "region", "amount"] },
  });
  await shareResource(cast.owner, "dataset", orders.datasetId, { grantees: [tom.username!], role: "aggregate" });
  // a dataset tom may read row by row: joining it with the totals-only one is still refused
  await shareResource(cast.owner, "dataset", customers.datasetId, { grantees: [tom.username!], role: "viewer" });
  const path = (slug: string) => `"${cast.workspace.owner}/${cast.workspace.slug}/${slug}"`;
  return { cast, carol, tom, path };
}

describe("the SQL console for a slice's reader", () => {
  it("sees only the slice's rows, and a hidden column is as unknown as one that never existed", async () => {
    const { cast, carol, path } = await world();
    const sql = `SELECT region, count(*) AS n FROM ${path("orders")} GROUP BY region ORDER BY region`;
    expect((await runConsoleQuery(carol, { sql })).rows).toEqual([["North", "12"]]);
    expect((await runConsoleQuery(cast.owner, { sql })).rows).toEqual([
      ["East", "3"],
      ["North", "12"],
      ["South", "15"],
    ]);
    const star = await runConsoleQuery(carol, { sql: `SELECT * FROM ${path("orders")}`, limit: 100 });
    expect(star.columns.map((c) => c.name)).toEqual(["id", "region", "amount"]);
    expect(star.total).toBe(12);

    const hidden = await failure(runConsoleQuery(carol, { sql: `SELECT customer_id FROM ${path("orders")}` }));
    const unknown = await failure(runConsoleQuery(carol, { sql: `SELECT zzzzzzzzzzz FROM ${path("orders")}` }));
    expect(hidden).toMatchObject({ code: "invalid" });
    expect(hidden.message.replaceAll("customer_id", "?")).toBe(unknown.message.replaceAll("zzzzzzzzzzz", "?"));
    expect(hidden.message).not.toMatch(/South|East/);
  });
});

describe("the SQL console for a totals-only grantee", () => {
  it("answers a grouped total whose every group has at least K rows, never downloadable", async () => {
    const { tom, path } = await world();
    const result = await runConsoleQuery(tom, {
      sql: `SELECT region, count(*) AS n, sum(amount) AS total FROM ${path("orders")} WHERE region <> 'East' GROUP BY region ORDER BY region`,
    });
    expect(result.rows).toEqual([
      ["North", "12", "78"],
      ["South", "15", "150"],
    ]);
    expect(result.downloadable).toBe(false);
    expect(
      await failure(exportConsoleResult(tom, { sql: `SELECT count(*) FROM ${path("orders")}`, format: "csv" })),
    ).toMatchObject({ code: "forbidden" });
  });

  it("refuses a small group with Summarise's message, row-level SELECTs, joins and earlier versions", async () => {
    const { tom, path } = await world();
    const refused = async (sql: string) => failure(runConsoleQuery(tom, { sql }));
    expect(await refused(`SELECT region, count(*) FROM ${path("orders")} GROUP BY region`)).toMatchObject({
      code: "forbidden",
      message: SMALL,
    });
    expect(await refused(`SELECT count(*) FROM ${path("orders")} WHERE customer_id = 'n3'`)).toMatchObject({
      code: "forbidden",
      message: SMALL,
    });
    for (const sql of [
      `SELECT * FROM ${path("orders")}`,
      `SELECT customer_id, amount FROM ${path("orders")}`,
      `SELECT region, list(customer_id) FROM ${path("orders")} GROUP BY region`,
    ])
      expect(await refused(sql), sql).toMatchObject({
        code: "forbidden",
        message: expect.stringMatching(/^Totals-only/),
      });
    expect(
      await refused(
        `SELECT c.city, count(*) FROM ${path("orders")} o JOIN ${path("customers")} c USING (customer_id) GROUP BY c.city`,
      ),
    ).toMatchObject({ code: "forbidden", message: expect.stringMatching(/without joins/) });
    expect(await refused(`SELECT count(*) FROM ${path("orders").replace(/"$/, '@1"')}`)).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/current version only/),
    });
  });
});
