import { describe, expect, it } from "vitest";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { createAccessLink } from "@/lib/links/manage-links";
import { openAccessLink } from "@/lib/links/open-link";
import { shareResource } from "@/lib/sharing/share-resource";
import { setupTestDatabase } from "@/test/db";
import { runConsoleQuery } from "./run-console-query";

setupTestDatabase();
setupCatalogStorage();
process.env.LINK_MAX_DELAY_MS = "5";

const ORDERS = "id,customer,amount\n1,c1,10\n2,c2,20\n3,c1,5\n4,c3,7\n";
const CUSTOMERS = "customer,city\nc1,Zürich\nc2,Oslo\nc3,Lima\n";

async function world() {
  const cast = await createCast();
  const orders = await createDataset(cast.owner, cast.workspace.id, "orders.csv", ORDERS);
  const customers = await createDataset(cast.owner, cast.workspace.id, "customers.csv", CUSTOMERS);
  const path = (slug: string) => `"${cast.workspace.owner}/${cast.workspace.slug}/${slug}"`;
  return { cast, orders, customers, path };
}

describe("the SQL console", () => {
  it("joins two datasets the caller can read and pages the result", async () => {
    const { cast, path } = await world();
    const sql = `SELECT c.city, sum(o.amount) AS total FROM ${path("orders")} o JOIN ${path("customers")} c USING (customer) GROUP BY c.city ORDER BY total DESC`;
    const first = await runConsoleQuery(cast.editor, { sql, limit: 2 });
    expect(first.columns.map((c) => c.name)).toEqual(["city", "total"]);
    expect(first.rows).toEqual([
      ["Oslo", "20"],
      ["Zürich", "15"],
    ]);
    expect(first.total).toBe(3);
    expect(first.truncated).toBe(false);
    expect(first.downloadable).toBe(true);
    const second = await runConsoleQuery(cast.editor, { sql, limit: 2, cursor: first.nextCursor });
    expect(second.rows).toEqual([["Lima", "7"]]);
    expect(second.nextCursor).toBeNull();
  });

  it("reads an earlier version with @version and refuses a version that does not exist", async () => {
    const { cast, path } = await world();
    await createDataset(cast.owner, cast.workspace.id, "orders.csv", "id,customer,amount\n9,c9,1\n", {
      slug: "orders2",
    });
    const result = await runConsoleQuery(cast.owner, {
      sql: `SELECT count(*) AS n FROM "${path("orders").slice(1, -1)}@1"`,
    });
    expect(result.rows).toEqual([["4"]]);
    expect(result.datasets).toEqual([{ name: `${path("orders").slice(1, -1)}@1`.toLowerCase(), version: 1 }]);
    const missing = await failure(
      runConsoleQuery(cast.owner, { sql: `SELECT * FROM "${path("orders").slice(1, -1)}@7"` }),
    );
    expect(missing.code).toBe("not_found");
  });

  it("answers a dataset the caller may not read exactly like one that does not exist", async () => {
    const { cast, path } = await world();
    const hidden = await failure(runConsoleQuery(cast.stranger, { sql: `SELECT * FROM ${path("orders")}` }));
    const ghost = path("ghost");
    const missing = await failure(runConsoleQuery(cast.stranger, { sql: `SELECT * FROM ${ghost}` }));
    expect(hidden.code).toBe("not_found");
    expect(missing.code).toBe("not_found");
    expect(hidden.message.replace("orders", "X")).toBe(missing.message.replace("ghost", "X"));
  });

  it("lets a grantee join only what is shared with them, and a view-only grant cannot download", async () => {
    const { cast, orders, path } = await world();
    const grantee = await cast.extraUser("grt");
    await shareResource(cast.owner, "dataset", orders.datasetId, { grantees: [grantee.username!], role: "viewonly" });
    const own = await runConsoleQuery(grantee, { sql: `SELECT count(*) FROM ${path("orders")}` });
    expect(own.rows).toEqual([["4"]]);
    expect(own.downloadable).toBe(false);
    const join = await failure(
      runConsoleQuery(grantee, { sql: `SELECT * FROM ${path("orders")} JOIN ${path("customers")} USING (customer)` }),
    );
    expect(join.code).toBe("not_found");
    expect(join.message).toContain("customers");
  });

  it("through a dataset's access link reads that dataset only", async () => {
    const { cast, orders, path } = await world();
    const link = await createAccessLink(cast.owner, {
      resourceType: "dataset",
      resourceId: orders.datasetId,
      mode: "public",
    });
    const opened = await openAccessLink(link.token, { client: "10.9.0.2", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(`link did not open: ${opened.status}`);
    const visitor = opened.link.actor;
    const result = await runConsoleQuery(visitor, { sql: `SELECT max(amount) FROM ${path("orders")}` });
    expect(result.rows).toEqual([["20"]]);
    const other = await failure(runConsoleQuery(visitor, { sql: `SELECT * FROM ${path("customers")}` }));
    expect(other.code).toBe("not_found");
  });

  it("stops at the result-size limit and says so", async () => {
    const { cast, path } = await world();
    process.env.SQL_CONSOLE_MAX_RESULT_ROWS = "1000";
    try {
      const result = await runConsoleQuery(cast.owner, {
        sql: `SELECT * FROM range(5000) r, ${path("orders")}`,
        limit: 10,
      });
      expect(result.total).toBe(1000);
      expect(result.truncated).toBe(true);
      expect(result.rows).toHaveLength(10);
      const beyond = await failure(runConsoleQuery(cast.owner, { sql: "SELECT 1", offset: 1000 }));
      expect(beyond.message).toMatch(/first 1000 rows/);
    } finally {
      delete process.env.SQL_CONSOLE_MAX_RESULT_ROWS;
    }
  });

  it("interrupts a long-running query with a clear message", async () => {
    const { cast } = await world();
    process.env.SQL_CONSOLE_TIMEOUT_MS = "300";
    try {
      const slow = await failure(
        runConsoleQuery(cast.owner, {
          sql: "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = -1",
        }),
      );
      expect(slow.code).toBe("invalid");
      expect(slow.message).toMatch(/longer than .* was stopped/);
    } finally {
      delete process.env.SQL_CONSOLE_TIMEOUT_MS;
    }
  });

  it("shows DuckDB's message for a mistake in the query, without server paths", async () => {
    const { cast, path } = await world();
    const error = await failure(runConsoleQuery(cast.owner, { sql: `SELECT nope FROM ${path("orders")}` }));
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/nope/);
    expect(error.message).not.toMatch(/\/tmp|\.parquet|blobs/);
  });
});
