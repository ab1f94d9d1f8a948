import { afterEach, describe, expect, it } from "vitest";
import { type Db, getDb, setDb } from "@/lib/db";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
import { countsForReader } from "./listed-counts";
import { createCast, createDataset, setupCatalogStorage } from "./test-support";

const { db } = setupTestDatabase();
setupCatalogStorage();
afterEach(() => setDb(db()));

/** Runs fn against a database that counts the operations it is sent (each one a round trip). */
async function countingOperations<T>(fn: () => Promise<T>): Promise<{ result: T; operations: number }> {
  let operations = 0;
  setDb(
    db().$extends({
      query: {
        $allOperations({ model, args, query }) {
          // the rate limiter flushes its counters in the background, beside whatever runs
          if (model !== "Throttle") operations++;
          return query(args);
        },
      },
    }) as unknown as Db,
  );
  try {
    return { result: await fn(), operations };
  } finally {
    setDb(db());
  }
}

const ORDERS = "order_id,region\n1,North\n2,South\n3,North\n4,North\n";
const NORTH = { rows: [{ column: "region", op: "eq" as const, value: "North" }], columns: null };

describe("countsForReader: what a list shows a slice's or a totals-only reader", () => {
  it("counts each slice and hides small totals, in as many queries for ten datasets as for one", async () => {
    const cast = await createCast();
    const reader = await person("reader");
    const listed: { id: string; visibility: string; version: number; rowCount: number; sizeBytes: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const { datasetId } = await createDataset(cast.owner, cast.workspace.id, `d${i}.csv`, ORDERS);
      const sliced = i % 2 === 0;
      await shareResource(cast.owner, "dataset", datasetId, {
        grantees: [reader.username!],
        role: sliced ? "viewer" : "aggregate",
        ...(sliced ? { scope: NORTH } : { minGroupSize: i === 1 ? 3 : 10 }),
      });
      const row = await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } });
      listed.push({ ...row, rowCount: Number(row.rowCount), sizeBytes: Number(row.sizeBytes) });
    }
    const ws = { id: cast.workspace.id, ownerId: cast.owner.id };
    await countsForReader(reader, ws, listed.slice(0, 2)); // first use: nothing lazily set up is counted
    const one = await countingOperations(() => countsForReader(reader, ws, listed.slice(0, 2)));
    const ten = await countingOperations(() => countsForReader(reader, ws, listed));
    expect(ten.result.map((r) => [r.rowCount, r.sizeBytes])).toEqual(
      listed.map((_, i) => (i % 2 === 0 ? [3, null] : i === 1 ? [4, null] : [null, null])),
    );
    expect(one.result.map((r) => r.rowCount)).toEqual([3, 4]);
    expect(ten.operations).toBe(one.operations);
  });
});
