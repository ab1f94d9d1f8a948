import { describe, expect, it } from "vitest";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
import { getColumnStats } from "./column-stats";
import { getDatasetPage } from "./get-dataset";
import { queryDataset } from "./query";
import { createCast, createDataset, failure, setupCatalogStorage } from "./test-support";

setupTestDatabase();
setupCatalogStorage();

const ORDERS = [
  "order_id,region,customer_id,amount",
  "1,North,c-17,10",
  "2,South,c-22,20",
  "3,North,c-31,30",
  "4,East,c-40,40",
  "5,North,c-55,50",
].join("\n");

const NORTH = {
  rows: [{ column: "region", op: "eq" as const, value: "North" }],
  columns: ["order_id", "region", "amount"],
};

// The dataset page reads the grid's first page and the column profile through its own load and
// access check; what it shows must be exactly what the rows and statistics routes answer.
describe("a dataset page's own reads", () => {
  it("answer the grid's page and the profile as the rows and statistics services do, for the owner", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "orders.csv", ORDERS);
    const { versions, reads } = await getDatasetPage(owner, { id: datasetId });
    const query = { sort: [{ column: "amount", direction: "desc" as const }], limit: 2, offset: 1 };
    const read = await reads.rows(versions[0]!.number, query);
    expect(read).toEqual(await queryDataset(owner, datasetId, query));
    expect(read.rows.map((r) => r[0])).toEqual(["4", "3"]);
    expect(await reads.profile(versions[0]!.number)).toEqual(await getColumnStats(owner, datasetId));
  });

  it("keep a slice reader to the slice, as the routes do", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "orders.csv", ORDERS);
    const carol = await person("carol");
    await shareResource(owner, "dataset", datasetId, { grantees: [carol.username!], role: "viewer", scope: NORTH });
    const { versions, reads } = await getDatasetPage(carol, { id: datasetId });
    const page = await reads.rows(versions[0]!.number, {});
    expect(page.columns.map((c) => c.name)).toEqual(["order_id", "region", "amount"]);
    expect(page.rows).toEqual([
      ["1", "North", "10"],
      ["3", "North", "30"],
      ["5", "North", "50"],
    ]);
    expect((await failure(reads.rows(versions[0]!.number, { columns: ["customer_id"] }))).message).toBe(
      'Unknown column "customer_id".',
    );
    const profile = await reads.profile(versions[0]!.number);
    expect(profile.columns.map((c) => c.name)).toEqual(["order_id", "region", "amount"]);
    expect(profile).toEqual(await getColumnStats(carol, datasetId));
  });

  it("refuse a version the dataset does not have", async () => {
    const { owner, workspace } = await createCast();
    const { datasetId } = await createDataset(owner, workspace.id, "orders.csv", ORDERS);
    const { reads } = await getDatasetPage(owner, { id: datasetId });
    expect((await failure(reads.rows(7, {}))).message).toBe("Version 7 of this dataset does not exist.");
  });
});
