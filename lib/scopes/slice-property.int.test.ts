// Property test (issue 19): for random datasets, slices and queries (grid pages, exports, the
// REST API's rows, SQL console SELECTs, statistics), what a slice's grantee gets equals the
// owner's same query over the slice, and never holds a hidden column or a row the slice filters
// out. Seeded (fast-check), so a failure replays; runs on SQLite and PostgreSQL metadata.
import { text } from "node:stream/consumers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as rowsRoute from "@/app/api/v1/data/[owner]/[namespace]/[datasetName]/route";
import { getColumnStats } from "@/lib/catalog/column-stats";
import { exportDataset } from "@/lib/catalog/export-dataset";
import { getDataset } from "@/lib/catalog/get-dataset";
import { queryDataset } from "@/lib/catalog/query";
import type { DatasetQueryInput, Filter } from "@/lib/catalog/query-schema";
import { createCast, createDataset, setupCatalogStorage } from "@/lib/catalog/test-support";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { runConsoleQuery } from "@/lib/sql-console/run-console-query";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";
import { failure } from "@/test/failure";
import type { Scope } from "./scope-schema";

setupTestDatabase();
setupCatalogStorage();

const COLUMNS = ["id", "region", "amount", "flag", "note"] as const;
const REGIONS = ["North", "South", "East", "West"];

type Row = { id: number; region: string; amount: number | null; flag: boolean; note: string | null };

const rowArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    region: fc.constantFrom(...REGIONS),
    amount: fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }),
    flag: fc.boolean(),
    note: fc.option(fc.constantFrom("alpha", "beta", "gamma", "Alphabet"), { nil: null }),
  });

const datasetArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i + 1))));

const filterArb: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ column: fc.constant("region"), op: fc.constant("eq" as const), value: fc.constantFrom(...REGIONS) }),
  fc.record({ column: fc.constant("flag"), op: fc.constant("eq" as const), value: fc.boolean() }),
  fc.record({
    column: fc.constant("note"),
    op: fc.constant("contains" as const),
    value: fc.constantFrom("alp", "ta", "a"),
  }),
  fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 60 }))
    .map(([min, span]) => ({ column: "amount", op: "range" as const, min, max: min + span })),
  fc.record({
    column: fc.constantFrom("amount", "note"),
    op: fc.constantFrom("is_null" as const, "not_null" as const),
  }),
);

const subsetArb = fc.subarray([...COLUMNS], { minLength: 1 }).map((cols) => cols as string[]);

const scopeArb: fc.Arbitrary<Scope> = fc.record({
  rows: fc.array(filterArb, { minLength: 0, maxLength: 2 }),
  columns: fc.option(subsetArb, { nil: null }),
});

/** A grid page, a sort, a filter or a column choice, on columns the grantee can see. */
const queryArb = (visible: string[]): fc.Arbitrary<DatasetQueryInput> =>
  fc.record({
    filters: fc.array(filterArb, { maxLength: 1 }).map((fs) => fs.filter((f) => visible.includes(f.column))),
    sort: fc
      .array(
        fc.record({ column: fc.constantFrom(...visible), direction: fc.constantFrom("asc" as const, "desc" as const) }),
        {
          maxLength: 2,
        },
      )
      .map((s) => s.filter((k, i) => s.findIndex((o) => o.column === k.column) === i)),
    columns: fc.option(fc.subarray(visible, { minLength: 1 }), { nil: undefined }),
    limit: fc.integer({ min: 1, max: 15 }),
    offset: fc.integer({ min: 0, max: 30 }),
  });

const csvOf = (rows: Row[]) =>
  [COLUMNS.join(","), ...rows.map((r) => [r.id, r.region, r.amount ?? "", r.flag, r.note ?? ""].join(","))].join("\n");

const quote = (name: string) => `"${name}"`;
const literal = (value: unknown) =>
  typeof value === "string"
    ? `'${value.replaceAll("'", "''")}'`
    : typeof value === "boolean"
      ? String(value)
      : `${value}`;

/** The owner's own SQL for a slice's row filter: what the slice means, written independently of lib/scopes. */
function sliceCondition(filters: Filter[]): string {
  const parts = filters.map((f) => {
    const id = quote(f.column);
    switch (f.op) {
      case "eq":
        return `${id} = ${literal(f.value)}`;
      case "contains":
        return `contains(lower(CAST(${id} AS VARCHAR)), lower(${literal(f.value)}))`;
      case "range":
        return [
          ...(f.min !== undefined ? [`${id} >= ${literal(f.min)}`] : []),
          ...(f.max !== undefined ? [`${id} <= ${literal(f.max)}`] : []),
        ].join(" AND ");
      case "is_null":
        return `${id} IS NULL`;
      case "not_null":
        return `${id} IS NOT NULL`;
    }
  });
  return parts.length ? parts.map((p) => `(${p})`).join(" AND ") : "TRUE";
}

/**
 * A console SELECT over a source ("t") with the grantee's visible columns: a projection (or *),
 * a WHERE, an ORDER BY ending in every selected column (so equal results come in equal order),
 * LIMIT/OFFSET; or a GROUP BY with totals. Written as a template taking the source's SQL.
 */
type ConsoleQuery = { sql: (source: string) => string; selects: string[] | "*" };

const consoleQueryArb = (visible: string[]): fc.Arbitrary<ConsoleQuery> => {
  const conditionArb = fc.oneof(
    fc.integer({ min: -50, max: 50 }).map((k) => `TRY_CAST(t."amount" AS INTEGER) > ${k}`),
    fc.constantFrom(...REGIONS).map((r) => `t."region" <> '${r}'`),
    fc.constant(`t."note" IS NOT NULL`),
    fc.constant(`t."flag"`),
    fc.integer({ min: 2, max: 4 }).map((m) => `t."id" % ${m} = 0`),
  );
  const whereArb = fc.option(conditionArb, { nil: null }).map((c) => (c && !hiddenIn(c, visible) ? ` WHERE ${c}` : ""));
  const rowsArb = fc
    .record({
      columns: fc.option(fc.subarray(visible, { minLength: 1 }), { nil: null }),
      where: whereArb,
      sort: fc.subarray(visible, { maxLength: Math.min(2, visible.length) }),
      desc: fc.boolean(),
      limit: fc.option(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 10 })), { nil: null }),
    })
    .map(({ columns, where, sort, desc, limit }): ConsoleQuery => {
      const selected = columns ?? visible;
      const keys = [
        ...sort.map((c) => `t.${quote(c)} ${desc ? "DESC" : "ASC"}`),
        ...selected.map((c) => `t.${quote(c)}`),
      ];
      const page = limit ? ` LIMIT ${limit[0]} OFFSET ${limit[1]}` : "";
      const projection = columns ? columns.map((c) => `t.${quote(c)}`).join(", ") : "*";
      return {
        sql: (source) =>
          `SELECT ${projection} FROM ${source}${where} ORDER BY ${keys.map((k) => `${k} NULLS LAST`).join(", ")}${page}`,
        selects: columns ?? "*",
      };
    });
  const groupable = visible.filter((c) => ["region", "flag", "note"].includes(c));
  const totals = [
    "count(*) AS n",
    ...(visible.includes("amount") ? [`sum(TRY_CAST(t."amount" AS INTEGER)) AS total`] : []),
    ...(visible.includes("id") ? [`max(t."id") AS last_id`] : []),
  ].join(", ");
  const groupArb = fc
    .record({
      by: groupable.length ? fc.option(fc.constantFrom(...groupable), { nil: null }) : fc.constant(null),
      where: whereArb,
    })
    .map(({ by, where }): ConsoleQuery => ({
      sql: (source) =>
        by
          ? `SELECT t.${quote(by)}, ${totals} FROM ${source}${where} GROUP BY t.${quote(by)} ORDER BY t.${quote(by)} NULLS LAST`
          : `SELECT ${totals} FROM ${source}${where}`,
      selects: [],
    }));
  return fc.oneof(rowsArb, groupArb);
};

const hiddenIn = (condition: string, visible: string[]) =>
  COLUMNS.some((c) => !visible.includes(c) && condition.includes(`"${c}"`));

/** GET /api/v1/data/{owner}/{ns}/{ds} through the route handler, as an API client with a bearer token. */
async function apiRows(token: string, path: { owner: string; namespace: string; datasetName: string }, q: object) {
  resetRateLimits();
  const search = new URLSearchParams(
    Object.entries(q).map(([k, v]) => [
      k,
      typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v),
    ]),
  );
  const url = `http://localhost:3000/api/v1/data/${path.owner}/${path.namespace}/${path.datasetName}?${search}`;
  const response = await rowsRoute.GET(new Request(url, { headers: { Authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(path),
  });
  const body = (await response.json()) as {
    columns: { name: string }[];
    data: Record<string, unknown>[];
    total: number;
    nextCursor: string | null;
  };
  expect(response.status).toBe(200);
  return { columns: body.columns.map((c) => c.name), data: body.data, total: body.total, nextCursor: body.nextCursor };
}

describe("a slice's grantee reads exactly the slice", () => {
  it("grid pages, sorts, filters, totals, exports and statistics equal the owner's query over the slice", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, scopeArb, fc.integer({ min: 0, max: 2 ** 30 }), async (rows, scope, seed) => {
        const { owner, workspace } = await createCast();
        const { datasetId } = await createDataset(owner, workspace.id, "data.csv", csvOf(rows));
        const grantee = await person("grantee");
        await shareResource(owner, "dataset", datasetId, { grantees: [grantee.username!], role: "viewer", scope });
        const visible = scope.columns ? COLUMNS.filter((c) => scope.columns!.includes(c)) : [...COLUMNS];
        const hidden = COLUMNS.filter((c) => !visible.includes(c));

        const view = await getDataset(grantee, { id: datasetId });
        expect(view.columns.map((c) => c.name)).toEqual(visible);
        const whole = await queryDataset(owner, datasetId, { filters: scope.rows, columns: visible, limit: 1000 });
        expect(view.rowCount).toBe(whole.total);

        const queries = fc.sample(queryArb(visible), { numRuns: 3, seed });
        for (const q of queries) {
          const mine = await queryDataset(grantee, datasetId, q);
          const theirs = await queryDataset(owner, datasetId, {
            ...q,
            columns: q.columns ?? visible,
            filters: [...scope.rows, ...(q.filters ?? [])],
          });
          expect(mine.columns.map((c) => c.name)).toEqual(theirs.columns.map((c) => c.name));
          expect(mine.rows).toEqual(theirs.rows);
          expect(mine.total).toBe(theirs.total);
          for (const name of hidden) expect(mine.columns.map((c) => c.name)).not.toContain(name);
        }

        const q = queries[0]!;
        const exported = await text((await exportDataset(grantee, datasetId, { format: "csv", query: q })).body);
        const expected = await text(
          (
            await exportDataset(owner, datasetId, {
              format: "csv",
              query: { ...q, columns: q.columns ?? visible, filters: [...scope.rows, ...(q.filters ?? [])] },
            })
          ).body,
        );
        expect(exported).toBe(expected);

        // statistics of the slice: the same as of the owner's filtered rows, nothing of the rest
        const stats = await getColumnStats(grantee, datasetId);
        expect(stats.columns.map((c) => c.name)).toEqual(visible);
        if (visible.includes("id")) {
          const ids = whole.rows.map((r) => Number(r[visible.indexOf("id")]));
          const idStats = stats.columns.find((c) => c.name === "id")!;
          expect(idStats.min === null ? null : Number(idStats.min)).toBe(ids.length ? Math.min(...ids) : null);
          expect(idStats.max === null ? null : Number(idStats.max)).toBe(ids.length ? Math.max(...ids) : null);
        }
      }),
      { numRuns: 12, seed: 19_2026 },
    );
  }, 600_000);

  it("the REST API's rows and SQL console SELECTs equal the owner's same read over the slice", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, scopeArb, fc.integer({ min: 0, max: 2 ** 30 }), async (rows, scope, seed) => {
        const { owner, workspace } = await createCast();
        const { datasetId } = await createDataset(owner, workspace.id, "data.csv", csvOf(rows));
        const grantee = await person("grantee");
        await shareResource(owner, "dataset", datasetId, { grantees: [grantee.username!], role: "viewer", scope });
        const visible = scope.columns ? COLUMNS.filter((c) => scope.columns!.includes(c)) : [...COLUMNS];
        const hidden = COLUMNS.filter((c) => !visible.includes(c));
        const slug = (await getDataset(owner, { id: datasetId })).slug;
        const inSlice = await queryDataset(owner, datasetId, { filters: scope.rows, columns: ["id"], limit: 1000 });
        const sliceIds = new Set(inSlice.rows.map(([id]) => Number(id)));

        // REST API rows: the grantee's page and the next one equal the owner's over the slice
        const path = { owner: workspace.owner, namespace: workspace.slug, datasetName: slug };
        const [mine, theirs] = [
          (await createApiToken(grantee.id, { name: "t" })).token,
          (await createApiToken(owner.id, { name: "t" })).token,
        ];
        for (const q of fc.sample(queryArb(visible), { numRuns: 2, seed })) {
          const ask = (extra: Filter[], columns?: string[]) => ({
            limit: q.limit,
            ...(columns ? { columns } : {}),
            ...(q.sort?.length ? { sort: q.sort } : {}),
            filter: [...extra, ...(q.filters ?? [])],
          });
          let [a, b] = [
            await apiRows(mine, path, ask([], q.columns)),
            await apiRows(theirs, path, ask(scope.rows, q.columns ?? visible)),
          ];
          for (let page = 0; page < 2; page++) {
            expect(a.columns).toEqual(b.columns);
            expect(a.data).toEqual(b.data);
            expect(a.total).toBe(b.total);
            for (const name of hidden) expect(a.columns).not.toContain(name);
            for (const row of a.data) {
              for (const name of hidden) expect(Object.keys(row)).not.toContain(name);
              if ("id" in row) expect(sliceIds.has(Number(row.id))).toBe(true);
            }
            if (!a.nextCursor || !b.nextCursor) {
              expect(a.nextCursor).toBe(b.nextCursor);
              break;
            }
            [a, b] = [
              await apiRows(mine, path, { ...ask([], q.columns), cursor: a.nextCursor }),
              await apiRows(theirs, path, { ...ask(scope.rows, q.columns ?? visible), cursor: b.nextCursor }),
            ];
          }
        }

        // SQL console: the grantee's SELECT over the dataset equals the owner's over the slice
        const name = `"${workspace.owner}/${workspace.slug}/${slug}"`;
        const slice = `(SELECT ${visible.map(quote).join(", ")} FROM ${name} WHERE ${sliceCondition(scope.rows)}) AS t`;
        for (const q of fc.sample(consoleQueryArb(visible), { numRuns: 3, seed: seed + 1 })) {
          const a = await runConsoleQuery(grantee, { sql: q.sql(`${name} AS t`), limit: 1000 });
          const b = await runConsoleQuery(owner, { sql: q.sql(slice), limit: 1000 });
          expect(a.columns.map((c) => c.name)).toEqual(b.columns.map((c) => c.name));
          expect(a.rows).toEqual(b.rows);
          expect(a.total).toBe(b.total);
          for (const h of hidden) expect(a.columns.map((c) => c.name)).not.toContain(h);
          const idAt = a.columns.findIndex((c) => c.name === "id");
          if (q.selects !== "*" && q.selects.length && idAt >= 0)
            for (const row of a.rows) expect(sliceIds.has(Number(row[idAt]))).toBe(true);
        }
        // a hidden column is as unknown to the console as one that never existed
        for (const h of hidden) {
          const refused = await failure(runConsoleQuery(grantee, { sql: `SELECT ${quote(h)} FROM ${name}` }));
          const unknown = await failure(runConsoleQuery(grantee, { sql: `SELECT "zz_${h}" FROM ${name}` }));
          expect(refused).toMatchObject({ code: "invalid" });
          const firstLine = (message: string, typed: string) => message.replaceAll(`"${typed}"`, `"?"`).split("\n")[0];
          expect(firstLine(refused.message, h)).toBe(firstLine(unknown.message, `zz_${h}`));
          // its suggestions name visible columns only
          for (const other of hidden) expect(refused.message.replaceAll(`"${h}"`, "")).not.toContain(`"${other}"`);
        }
      }),
      { numRuns: 10, seed: 19_2027 },
    );
  }, 600_000);
});
