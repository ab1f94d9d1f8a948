// A slice's reader writes the predicates: one that raises an error with a value in its message (a failed cast,
// error()) must only ever be evaluated on rows of the slice, or the message would show a row the slice filters
// out. The slice's conditions are the view's own WHERE, and DuckDB applies them before a query's own predicates;
// this test pins that for each kind of condition a slice can have.
import { describe, expect, it } from "vitest";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import type { Scope } from "@/lib/scopes/scope-schema";
import { shareResource } from "@/lib/sharing/share-resource";
import { setupTestDatabase } from "@/test/db";
import { runConsoleQuery } from "./run-console-query";

setupTestDatabase();
setupCatalogStorage();

// Hidden rows come first in the file, so a predicate evaluated before the slice's would meet one of them first; there
// are enough of them (about a hundred vectors, two row groups) for DuckDB's adaptive filter reordering, which only
// starts after some vectors, to have its chance.
const HIDDEN = 200_000;
const ROWS = [
  "id,region,label,amount",
  ...Array.from({ length: HIDDEN }, (_, i) => `${i + 1},South,hidden-${i},${1000 + (i % 9000)}`),
  ...Array.from({ length: 20 }, (_, i) => `${i + HIDDEN + 1},North,shown-${i},${i + 1}`),
].join("\n");

const SLICES: { name: string; scope: Scope }[] = [
  { name: "equality", scope: { rows: [{ column: "region", op: "eq", value: "North" }], columns: null } },
  { name: "contains", scope: { rows: [{ column: "region", op: "contains", value: "nor" }], columns: null } },
  { name: "range", scope: { rows: [{ column: "amount", op: "range", min: 1, max: 20 }], columns: null } },
];

const PROBES = [
  "SELECT * FROM {t} WHERE CAST(label AS INTEGER) = 1",
  "SELECT * FROM {t} WHERE error(label) IS NULL",
  "SELECT count(*) FROM {t} WHERE id > 0 AND error(label || '') IS NULL",
  "SELECT region, max(CAST(label AS INTEGER)) FROM {t} GROUP BY region",
  "SELECT * FROM {t} ORDER BY CAST(label AS INTEGER)",
  "SELECT * FROM {t} a JOIN {t} b ON a.id = b.id AND error(b.label) IS NULL",
];

describe("predicates that fail with a value in their message, run by a slice's reader", () => {
  it.each(SLICES)("never show a row outside a slice by $name", async ({ scope }) => {
    const cast = await createCast();
    const carol = await cast.extraUser("carol");
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "sales.csv", ROWS);
    await shareResource(cast.owner, "dataset", datasetId, { grantees: [carol.username!], role: "viewer", scope });
    const table = `"${cast.workspace.owner}/${cast.workspace.slug}/sales"`;
    for (const probe of PROBES) {
      const sql = probe.replaceAll("{t}", table);
      const outcome = await runConsoleQuery(carol, { sql, limit: 100 }).then(
        (result) => JSON.stringify(result.rows),
        async () => (await failure(runConsoleQuery(carol, { sql, limit: 100 }))).message,
      );
      expect(outcome, sql).not.toMatch(/hidden-|South|\b[1-9][0-9]{3}\b/);
    }
  });
});
