// Property test (issue 19): for random datasets, slices and structured queries, what a slice's
// grantee gets equals the owner's same query over the slice, and never holds a hidden column or
// a row the slice filters out. Seeded (fast-check), so a failure replays.
import { text } from "node:stream/consumers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getColumnStats } from "@/lib/catalog/column-stats";
import { exportDataset } from "@/lib/catalog/export-dataset";
import { getDataset } from "@/lib/catalog/get-dataset";
import { queryDataset } from "@/lib/catalog/query";
import type { DatasetQueryInput, Filter } from "@/lib/catalog/query-schema";
import { createCast, createDataset, setupCatalogStorage } from "@/lib/catalog/test-support";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
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
});
