import { beforeEach, describe, expect, it } from "vitest";
import * as query from "@/app/api/v1/query/route";
import { createCast, createDataset, setupCatalogStorage } from "@/lib/catalog/test-support";
import { getDb } from "@/lib/db";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";

setupTestDatabase();
setupCatalogStorage();
beforeEach(() => resetRateLimits());

async function post(token: string | null, body: unknown) {
  const response = await query.POST(
    new Request("http://localhost:3000/api/v1/query", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/v1/query", () => {
  it("runs one SELECT for a token's owner, pages it, refuses the rest and records the read", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(
      cast.owner,
      cast.workspace.id,
      "sales.csv",
      "city,n\nOslo,1\nLima,2\nOslo,3\n",
    );
    const { token } = await createApiToken(cast.owner.id, { name: "sql" });
    const table = `"${cast.workspace.owner}/${cast.workspace.slug}/sales"`;

    const ok = await post(token, {
      sql: `SELECT city, sum(n) AS n FROM ${table} GROUP BY city ORDER BY city`,
      limit: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toEqual([["Lima", "2"]]);
    expect(ok.body.total).toBe(2);
    const next = await post(token, {
      sql: `SELECT city, sum(n) AS n FROM ${table} GROUP BY city ORDER BY city`,
      limit: 1,
      cursor: ok.body.nextCursor,
    });
    expect(next.body.rows).toEqual([["Oslo", "4"]]);

    expect((await post(token, { sql: `COPY ${table} TO '/tmp/x.csv'` })).status).toBe(422);
    expect((await post(token, { sql: "SELECT * FROM read_csv('/etc/passwd')" })).status).toBe(422);
    const missing = await post(token, { sql: `SELECT * FROM "${cast.workspace.owner}/${cast.workspace.slug}/nope"` });
    expect(missing.status).toBe(404);
    expect((await post(null, { sql: "SELECT 1" })).status).toBe(401);

    const strangerToken = (await createApiToken(cast.stranger.id, { name: "sql" })).token;
    const denied = await post(strangerToken, { sql: `SELECT * FROM ${table}` });
    expect(denied.status).toBe(404);
    expect(String(denied.body.error).replace("sales", "?")).toBe(String(missing.body.error).replace("nope", "?"));

    const events = await getDb().auditEvent.findMany({ where: { resourceId: datasetId, action: "dataset.viewed" } });
    expect(events.map((e) => (e.details as { via?: string }).via)).toContain("sql");
  });
});
