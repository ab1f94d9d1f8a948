// The "Totals only" (aggregate) role through the real route handlers and services: the grantee
// is refused every path that shows or hands out rows, and gets grouped summaries only when every
// group holds at least the grant's minimum group size.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as datasetDownload } from "@/app/api/datasets/[id]/download/route";
import { GET as datasetRows } from "@/app/api/datasets/[id]/rows/route";
import { GET as datasetStats } from "@/app/api/datasets/[id]/stats/route";
import { POST as datasetSummary } from "@/app/api/datasets/[id]/summary/route";
import { GET as datasetVersions } from "@/app/api/datasets/[id]/versions/route";
import { GET as v1Data } from "@/app/api/v1/data/[owner]/[namespace]/[datasetName]/route";
import { POST as v1Summary } from "@/app/api/v1/datasets/[owner]/[namespace]/[datasetName]/summary/route";
import type { Actor } from "@/lib/access";
import type { SessionUser } from "@/lib/auth/session";
import { getDatasetPage } from "@/lib/catalog/get-dataset";
import { createCast, createDataset, failure, prepare, setupCatalogStorage } from "@/lib/catalog/test-support";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { getDb } from "@/lib/db";
import { getRootFolder } from "@/lib/files/root-folder";
import { changeShareRole } from "@/lib/sharing/change-share";
import { shareResource } from "@/lib/sharing/share-resource";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";
import { runSummary } from "./run-summary";

setupTestDatabase();
setupCatalogStorage();

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/request-session", () => ({ requestSessionUser: async () => session.user }));
beforeEach(() => resetRateLimits());

const APP = "http://localhost:3000";

// North: 12 rows (amounts 1..12), South: 15 rows (10 each), East: 3 rows (100 each).
const csv = [
  "id,region,amount,customer",
  ...Array.from({ length: 12 }, (_, i) => `${i + 1},North,${i + 1},n${i}`),
  ...Array.from({ length: 15 }, (_, i) => `${i + 13},South,10,s${i}`),
  ...Array.from({ length: 3 }, (_, i) => `${i + 28},East,100,e${i}`),
].join("\n");

async function world() {
  const cast = await createCast();
  const alice = cast.owner;
  const carol = await cast.extraUser("carol");
  const dave = await cast.extraUser("dave");
  const { datasetId } = await createDataset(alice, cast.workspace.id, "orders.csv", csv);
  await shareResource(alice, "dataset", datasetId, { grantees: [carol.username!], role: "aggregate" });
  await shareResource(alice, "dataset", datasetId, {
    grantees: [dave.username!],
    role: "aggregate",
    minGroupSize: 3,
  });
  const name = { owner: cast.workspace.owner, namespace: cast.workspace.slug, datasetName: "orders" };
  return {
    cast,
    alice,
    carol,
    dave,
    datasetId,
    name,
    carolToken: (await createApiToken(carol.id, { name: "t" })).token,
  };
}

async function asSession(user: Actor, handler: (r: Request) => Promise<Response>, path: string, body?: unknown) {
  session.user = { ...user, name: null };
  const request = new Request(`${APP}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json", origin: APP, host: "localhost:3000" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request);
  return { status: response.status, body: await response.text() };
}

const byRegion = { groupBy: ["region"], measures: [{ fn: "count" }, { fn: "sum", column: "amount" }] };

describe("Totals only: no row access", () => {
  it("refuses the grantee the grid, statistics, versions, downloads, REST rows and the dataset page", async () => {
    const w = await world();
    const id = { params: Promise.resolve({ id: w.datasetId }) };
    const routes: [string, (r: Request) => Promise<Response>, string][] = [
      ["grid rows", (r) => datasetRows(r, id), `/api/datasets/${w.datasetId}/rows`],
      ["column statistics", (r) => datasetStats(r, id), `/api/datasets/${w.datasetId}/stats`],
      ["versions", (r) => datasetVersions(r, id), `/api/datasets/${w.datasetId}/versions`],
      ...["csv", "jsonl", "parquet"].map(
        (format) =>
          [
            `export as ${format}`,
            (r: Request) => datasetDownload(r, id),
            `/api/datasets/${w.datasetId}/download?format=${format}`,
          ] as [string, (r: Request) => Promise<Response>, string],
      ),
    ];
    const got: string[] = [];
    for (const [name, handler, path] of routes) {
      const answer = await asSession(w.carol, handler, path);
      got.push(`${name}: ${answer.status}${answer.body.includes("North") ? " with rows" : ""}`);
    }
    for (const format of ["json", "csv"]) {
      const response = await v1Data(
        new Request(`${APP}/api/v1/data/${w.name.owner}/${w.name.namespace}/orders?format=${format}`, {
          headers: { Authorization: `Bearer ${w.carolToken}` },
        }),
        { params: Promise.resolve(w.name) },
      );
      got.push(
        `REST rows as ${format}: ${response.status}${(await response.text()).includes("North") ? " with rows" : ""}`,
      );
    }
    expect(got).toEqual([
      "grid rows: 404",
      "column statistics: 404",
      "versions: 404",
      "export as csv: 404",
      "export as jsonl: 404",
      "export as parquet: 404",
      "REST rows as json: 404",
      "REST rows as csv: 404",
    ]);
    expect(await failure(getDatasetPage(w.carol, { id: w.datasetId }))).toMatchObject({ code: "not_found" });
  }, 120_000);

  it("lets the grantee summarise through the browser route and the REST API", async () => {
    const w = await world();
    const filtered = { ...byRegion, filters: [{ column: "region", op: "eq", value: "South" }] };
    const browser = await asSession(
      w.carol,
      (r) => datasetSummary(r, { params: Promise.resolve({ id: w.datasetId }) }),
      `/api/datasets/${w.datasetId}/summary`,
      filtered,
    );
    expect(browser.status).toBe(200);
    expect(JSON.parse(browser.body)).toMatchObject({ rows: [["South", 15, "150"]], minGroupSize: 10 });
    const rest = await v1Summary(
      new Request(`${APP}/api/v1/datasets/${w.name.owner}/${w.name.namespace}/orders/summary`, {
        method: "POST",
        headers: { Authorization: `Bearer ${w.carolToken}`, "content-type": "application/json" },
        body: JSON.stringify(byRegion),
      }),
      { params: Promise.resolve(w.name) },
    );
    expect(rest.status).toBe(403);
    expect((await rest.json()).error).toBe(
      "A group would have fewer than 10 rows; group by fewer columns or widen the filter.",
    );
  }, 120_000);
});

describe("summaries", () => {
  it("computes count, sum, avg, min and max per group, sorted by the group keys", async () => {
    const w = await world();
    const result = await runSummary(
      w.alice,
      { id: w.datasetId },
      {
        groupBy: ["region"],
        measures: [
          { fn: "count" },
          { fn: "sum", column: "amount" },
          { fn: "avg", column: "amount" },
          { fn: "min", column: "amount" },
          { fn: "max", column: "amount" },
        ],
      },
    );
    expect(result.measures).toEqual(["count", "sum(amount)", "avg(amount)", "min(amount)", "max(amount)"]);
    expect(result.groupBy.map((c) => c.name)).toEqual(["region"]);
    // 64-bit integers (BIGINT sums, minima and maxima) are strings, as everywhere in the API
    expect(result.rows).toEqual([
      ["East", 3, "300", 100, "100", "100"],
      ["North", 12, "78", 6.5, "1", "12"],
      ["South", 15, "150", 10, "10", "10"],
    ]);
    expect(result.minGroupSize).toBeNull(); // the owner sees rows anyway: no minimum
  }, 120_000);

  it("refuses the whole answer when any group, or the only group, has fewer than K rows", async () => {
    const w = await world();
    const refused = "A group would have fewer than 10 rows; group by fewer columns or widen the filter.";
    const ask = (input: unknown) => failure(runSummary(w.carol, { id: w.datasetId }, input));
    // East has 3 rows: the whole grouping is refused, not just East.
    expect(await ask(byRegion)).toMatchObject({ code: "forbidden", message: refused });
    // A filter cannot isolate rows: the ungrouped total of 3 rows, or of none, is refused alike.
    for (const value of ["East", "nowhere"]) {
      expect(
        await ask({ measures: [{ fn: "count" }], filters: [{ column: "region", op: "eq", value }] }),
      ).toMatchObject({ code: "forbidden", message: refused });
    }
    expect(await ask({ groupBy: ["customer"], measures: [{ fn: "max", column: "amount" }] })).toMatchObject({
      code: "forbidden",
      message: refused,
    });
    // A large enough total is fine, grouped or not.
    const total = await runSummary(w.carol, { id: w.datasetId }, { measures: [{ fn: "count" }] });
    expect(total.rows).toEqual([[30]]);
    const north = await runSummary(
      w.carol,
      { id: w.datasetId },
      { groupBy: ["region"], measures: [{ fn: "count" }], filters: [{ column: "amount", op: "range", max: 12 }] },
    );
    expect(north.rows).toEqual([
      ["North", 12],
      ["South", 15],
    ]);
  }, 120_000);

  it("refuses input it cannot answer with a clear message and never takes SQL text", async () => {
    const w = await world();
    const ask = (input: unknown) => failure(runSummary(w.alice, { id: w.datasetId }, input));
    expect(await ask({ groupBy: ['region" FROM data; --'] })).toMatchObject({
      code: "invalid",
      message: 'Unknown column "region" FROM data; --".',
    });
    expect(await ask({ measures: [{ fn: "sum", column: "region" }] })).toMatchObject({
      code: "invalid",
      message: '"region" (VARCHAR) is not numeric; sum needs a numeric column.',
    });
    expect(await ask({ groupBy: ["a", "b", "c", "d"] })).toMatchObject({ code: "invalid" });
    expect(await ask({ measures: [{ fn: "median", column: "amount" }] })).toMatchObject({ code: "invalid" });
    expect(
      await ask({ measures: [{ fn: "count" }], filters: [{ column: "amount", op: "eq", value: "ten" }] }),
    ).toMatchObject({ code: "invalid", message: 'Filter on "amount": "ten" is not a valid BIGINT value.' });
  }, 120_000);

  it("serves a totals-only grantee the current version only", async () => {
    const w = await world();
    const ingest = await prepare(w.alice, w.cast.workspace.id, "orders.csv", csv, {
      mode: "append",
      datasetId: w.datasetId,
    });
    await commitIngest(w.alice, ingest.id, {});
    const current = await runSummary(w.carol, { id: w.datasetId }, { measures: [{ fn: "count" }] });
    expect(current).toMatchObject({ version: 2, rows: [[60]] });
    expect(
      await failure(runSummary(w.carol, { id: w.datasetId }, { measures: [{ fn: "count" }], version: 1 })),
    ).toMatchObject({ code: "forbidden", message: "Totals-only access summarises the current version only." });
    expect((await runSummary(w.alice, { id: w.datasetId }, { version: 1 })).rows).toEqual([[30]]);
  }, 120_000);
});

describe("the minimum group size per grant", () => {
  it("is stored on each grant (default 10) and applies to that grantee", async () => {
    const w = await world();
    const grants = await getDb().share.findMany({
      where: { datasetId: w.datasetId },
      select: { granteeKey: true, role: true, minGroupSize: true },
      orderBy: { minGroupSize: "asc" },
    });
    expect(grants).toEqual([
      { granteeKey: `user:${w.dave.id}`, role: "aggregate", minGroupSize: 3 },
      { granteeKey: `user:${w.carol.id}`, role: "aggregate", minGroupSize: 10 },
    ]);
    // dave's K = 3 lets East (3 rows) through; carol's K = 10 does not.
    const dave = await runSummary(w.dave, { id: w.datasetId }, byRegion);
    expect(dave).toMatchObject({
      minGroupSize: 3,
      rows: [
        ["East", 3, "300"],
        ["North", 12, "78"],
        ["South", 15, "150"],
      ],
    });
    expect(await failure(runSummary(w.carol, { id: w.datasetId }, byRegion))).toMatchObject({ code: "forbidden" });
  }, 120_000);

  it("must be a whole number from 2 to 1000", async () => {
    const w = await world();
    for (const minGroupSize of [1, 1001, 2.5]) {
      expect(
        await failure(
          shareResource(w.alice, "dataset", w.datasetId, {
            grantees: [w.carol.username!],
            role: "aggregate",
            minGroupSize,
          }),
        ),
      ).toMatchObject({ code: "invalid" });
    }
    const share = await getDb().share.findFirstOrThrow({ where: { granteeKey: `user:${w.carol.id}` } });
    expect(share.minGroupSize).toBe(10); // a refused change left the grant as it was
  }, 120_000);

  it("is given on datasets only: a folder or workspace grant cannot be totals only", async () => {
    const w = await world();
    const root = await getRootFolder(w.cast.workspace.id);
    expect(
      await failure(shareResource(w.alice, "folder", root.id, { grantees: [w.carol.username!], role: "aggregate" })),
    ).toMatchObject({ code: "invalid", message: '"Totals only" can be given on a dataset only.' });
    const [folderGrant] = await shareResource(w.alice, "folder", root.id, {
      grantees: [w.dave.username!],
      role: "viewer",
    });
    expect(await failure(changeShareRole(w.alice, folderGrant!.shareId, "aggregate"))).toMatchObject({
      code: "invalid",
    });
  }, 120_000);

  it("raising a totals-only grant to view-only gives rows; the summary then has no minimum", async () => {
    const w = await world();
    const share = await getDb().share.findFirstOrThrow({ where: { granteeKey: `user:${w.carol.id}` } });
    await changeShareRole(w.alice, share.id, "viewonly");
    expect((await getDatasetPage(w.carol, { id: w.datasetId })).dataset.id).toBe(w.datasetId);
    expect((await runSummary(w.carol, { id: w.datasetId }, byRegion)).minGroupSize).toBeNull();
  }, 120_000);
});
