import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { getColumnStats } from "@/lib/catalog/column-stats";
import { exportDataset } from "@/lib/catalog/export-dataset";
import { getDataset, getDatasetPage } from "@/lib/catalog/get-dataset";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { listDatasets } from "@/lib/catalog/list-datasets";
import { queryDataset } from "@/lib/catalog/query";
import { restoreVersion } from "@/lib/catalog/restore-version";
import { createCast, createDataset, failure, prepare, setupCatalogStorage } from "@/lib/catalog/test-support";
import { listVersions } from "@/lib/catalog/versions";
import { getDb } from "@/lib/db";
import { createAccessLink, listAccessLinks } from "@/lib/links/manage-links";
import { openAccessLink } from "@/lib/links/open-link";
import { listResourceAccess } from "@/lib/sharing/list-access";
import { previewAccessAs } from "@/lib/sharing/preview-as";
import { listSharedByMe } from "@/lib/sharing/shared-lists";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
import { DuckDBInstance } from "@duckdb/node-api";
import { scopedDatasetSource } from "./scoped-source";

setupTestDatabase();
setupCatalogStorage();

const ORDERS = [
  "order_id,region,customer_id,amount",
  "1,North,c-17,10",
  "2,South,c-22,20",
  "3,North,c-31,30",
  "4,East,c-40,40",
  "5,North,c-55,50",
  "6,South,c-61,60",
].join("\n");

const NORTH = {
  rows: [{ column: "region", op: "eq" as const, value: "North" }],
  columns: ["order_id", "region", "amount"],
};

async function ordersSharedWithCarol(role: "viewer" | "viewonly" = "viewer") {
  const cast = await createCast();
  const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "orders.csv", ORDERS);
  const carol = await person("carol");
  await shareResource(cast.owner, "dataset", datasetId, { grantees: [carol.username!], role, scope: NORTH });
  return { ...cast, datasetId, carol };
}

describe("a grant limited to a slice", () => {
  it("lists the dataset in the catalog with the slice's row count and no size; totals only shows no small count", async () => {
    const { datasetId, carol, workspace, owner } = await ordersSharedWithCarol();
    const ws = await getDb().workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    const ref = { id: ws.id, ownerId: ws.ownerId, slug: ws.slug, owner: owner.username! };
    const [card] = (await listDatasets(carol, ref)).items.filter((d) => d.id === datasetId);
    expect(card).toMatchObject({ rowCount: 3, sizeBytes: null });
    const [own] = (await listDatasets(owner, ref)).items.filter((d) => d.id === datasetId);
    expect(own).toMatchObject({ rowCount: 6 });

    const dave = await person("dave");
    await shareResource(owner, "dataset", datasetId, { grantees: [dave.username!], role: "aggregate" });
    const [totals] = (await listDatasets(dave, ref)).items.filter((d) => d.id === datasetId);
    expect(totals).toMatchObject({ rowCount: null, sizeBytes: null });
  });

  it("is the only thing its grantee reads: grid, totals, schema, errors, sort", async () => {
    const { owner, datasetId, carol } = await ordersSharedWithCarol();
    const page = await queryDataset(carol, datasetId, {});
    expect(page.columns.map((c) => c.name)).toEqual(["order_id", "region", "amount"]);
    expect(page.rows).toEqual([
      ["1", "North", "10"],
      ["3", "North", "30"],
      ["5", "North", "50"],
    ]);
    expect(page.total).toBe(3);
    // the owner still sees everything
    expect((await queryDataset(owner, datasetId, {})).total).toBe(6);
    // asking for other regions finds nothing; a hidden column is as unknown as a missing one
    expect(
      (await queryDataset(carol, datasetId, { filters: [{ column: "region", op: "eq", value: "South" }] })).total,
    ).toBe(0);
    const hidden = await failure(queryDataset(carol, datasetId, { columns: ["customer_id"] }));
    const missing = await failure(queryDataset(carol, datasetId, { columns: ["no_such"] }));
    expect(hidden.message).toBe('Unknown column "customer_id".');
    expect(missing.message).toBe('Unknown column "no_such".');
    expect((await failure(queryDataset(carol, datasetId, { sort: [{ column: "customer_id" }] }))).message).toBe(
      'Unknown column "customer_id".',
    );
    expect(
      (await failure(queryDataset(carol, datasetId, { filters: [{ column: "customer_id", op: "is_null" }] }))).message,
    ).toBe('Unknown column "customer_id".');
    // sorted pages read the slice too
    const sorted = await queryDataset(carol, datasetId, { sort: [{ column: "amount", direction: "desc" }], limit: 2 });
    expect(sorted.rows).toEqual([
      ["5", "North", "50"],
      ["3", "North", "30"],
    ]);
    expect(sorted.total).toBe(3);

    const view = await getDataset(carol, { id: datasetId });
    expect(view.columns.map((c) => c.name)).toEqual(["order_id", "region", "amount"]);
    expect(view.rowCount).toBe(3);
    expect(view.sizeBytes).toBe(0);
    expect(view.slice).toBe("rows where region = North; 3 of 4 columns");
    const { versions } = await getDatasetPage(carol, { id: datasetId });
    expect(versions[0]).toMatchObject({ rowCount: 3, columnCount: 3 });
    expect(JSON.stringify(versions)).not.toContain("customer_id");
    expect((await listVersions(carol, datasetId))[0]).toMatchObject({ rowCount: 3, sizeBytes: 0 });
  });

  it("downloads and statistics are computed on the slice", async () => {
    const { datasetId, carol } = await ordersSharedWithCarol();
    const csv = await text((await exportDataset(carol, datasetId, { format: "csv" })).body);
    expect(csv.trim().split("\n")).toEqual(["order_id,region,amount", "1,North,10", "3,North,30", "5,North,50"]);
    const jsonl = await text((await exportDataset(carol, datasetId, { format: "jsonl" })).body);
    expect(jsonl).not.toContain("South");
    expect(jsonl).not.toContain("customer_id");
    // the whole stored Parquet file is never handed to a slice's reader
    const parquet = await exportDataset(carol, datasetId, { format: "parquet" });
    expect(parquet.size).toBeLessThan(
      Number((await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } })).sizeBytes) + 10_000,
    );
    expect((await text(parquet.body)).includes("c-22")).toBe(false);

    const stats = await getColumnStats(carol, datasetId);
    expect(stats.columns.map((c) => c.name)).toEqual(["order_id", "region", "amount"]);
    const amount = stats.columns.find((c) => c.name === "amount")!;
    expect([amount.min, amount.max]).toEqual(["10", "50"]);
    expect(stats.columns.find((c) => c.name === "region")).toMatchObject({ min: "North", max: "North" });
  });

  it("combines with other access: an unscoped grant at the same or a higher role wins, never a union", async () => {
    const { owner, datasetId, carol, workspace } = await ordersSharedWithCarol("viewer");
    // a view-only grant on the whole workspace ranks below the slice's viewer role: the slice applies
    await shareResource(owner, "workspace", workspace.id, { grantees: [carol.username!], role: "viewonly" });
    expect((await queryDataset(carol, datasetId, {})).total).toBe(3);
    // a viewer grant on the workspace (unscoped, same role) gives the whole dataset
    await shareResource(owner, "workspace", workspace.id, { grantees: [carol.username!], role: "viewer" });
    expect((await queryDataset(carol, datasetId, {})).total).toBe(6);
  });

  it("refuses a slice that does not fit: unknown column, an editor role, a non-dataset", async () => {
    const { owner, datasetId, workspace } = await ordersSharedWithCarol();
    const dave = await person("dave");
    const unknown = await failure(
      shareResource(owner, "dataset", datasetId, {
        grantees: [dave.username!],
        role: "viewer",
        scope: { rows: [{ column: "nope", op: "is_null" }] },
      }),
    );
    expect(unknown.message).toBe('The slice uses a column this dataset does not have: "nope".');
    expect(
      (
        await failure(
          shareResource(owner, "dataset", datasetId, { grantees: [dave.username!], role: "editor", scope: NORTH }),
        )
      ).message,
    ).toContain("read-only");
    expect(
      (
        await failure(
          shareResource(owner, "workspace", workspace.id, { grantees: [dave.username!], role: "viewer", scope: NORTH }),
        )
      ).message,
    ).toBe("Only a dataset can be shared as a slice.");
    // nothing was granted
    expect(await failure(queryDataset(dave, datasetId, {}))).toMatchObject({ code: "not_found" });
  });

  it("shows the slice in words in the access list and Shared by me", async () => {
    const { owner, datasetId, carol } = await ordersSharedWithCarol();
    const rows = await listResourceAccess(owner, "dataset", datasetId);
    expect(rows.find((r) => r.grantee === carol.username)).toMatchObject({
      slice: "rows where region = North; 3 of 4 columns",
    });
    // "Preview as" shows the slice, with the rows the grantee's own reads return
    const shareId = rows.find((r) => r.grantee === carol.username)!.shareId!;
    expect((await previewAccessAs(owner, "dataset", datasetId, shareId)).slice).toEqual({
      words: "rows where region = North; 3 of 4 columns",
      rows: 3,
    });
    const mine = await listSharedByMe(owner);
    expect(mine.find((i) => i.resourceId === datasetId)).toMatchObject({
      slice: "rows where region = North; 3 of 4 columns",
    });
  });

  it("a version that drops a used column stops the slice (404, never wider) and tells the managers once", async () => {
    const { owner, admin, datasetId, carol } = await ordersSharedWithCarol();
    const outboxBefore = await getDb().outbox.count({ where: { kind: "slice-broken" } });
    const replace = await prepare(
      owner,
      (await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } })).workspaceId,
      "v2.csv",
      "order_id,customer_id,amount\n1,c-1,5\n",
      {
        mode: "replace",
        datasetId,
      },
    );
    await commitIngest(owner, replace.id);
    expect(await failure(queryDataset(carol, datasetId, {}))).toMatchObject({
      code: "not_found",
      message: "Dataset not found",
    });
    expect(await failure(getDataset(carol, { id: datasetId }))).toMatchObject({ code: "not_found" });
    expect(await failure(exportDataset(carol, datasetId, { format: "csv" }))).toMatchObject({ code: "not_found" });
    // even the old version, which the slice fitted, is no longer served: the grant stopped
    expect(await failure(queryDataset(carol, datasetId, {}, 1))).toMatchObject({ code: "not_found" });
    // one notice to each manager (the owner and the admin)
    const notices = await getDb().outbox.findMany({ where: { kind: "slice-broken" }, skip: outboxBefore });
    expect(notices.map((n) => n.to).sort()).toEqual([owner.email, admin.email].sort());
    expect(notices[0]!.text).toContain("region");
    expect(await getDb().auditEvent.count({ where: { action: "share.slice_broken", resourceId: datasetId } })).toBe(1);
    // restoring the old version (the columns come back) does not re-notify, nor revive the grant silently
    await restoreVersion(owner, datasetId, 1);
    expect(await getDb().outbox.count({ where: { kind: "slice-broken" } })).toBe(outboxBefore + 2);
    expect(await failure(queryDataset(carol, datasetId, {}))).toMatchObject({ code: "not_found" });
    const rows = await listResourceAccess(owner, "dataset", datasetId);
    expect(rows.find((r) => r.grantee === carol.username)?.slice).toContain("no longer fits");
  });

  it("gives other read paths (the SQL console) the slice's SELECT, never the whole file", async () => {
    const { owner, datasetId, carol } = await ordersSharedWithCarol();
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    try {
      const theirs = await scopedDatasetSource(carol, datasetId);
      expect(theirs.columns.map((c) => c.name)).toEqual(["order_id", "region", "amount"]);
      const rows = (await db.runAndReadAll(theirs.selectSql)).getRowObjectsJson();
      expect(rows.map((r) => r.order_id)).toEqual(["1", "3", "5"]);
      expect(Object.keys(rows[0]!)).not.toContain("customer_id");
      const whole = await scopedDatasetSource(owner, datasetId);
      expect((await db.runAndReadAll(whole.selectSql)).getRowObjectsJson()).toHaveLength(6);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  it("an access link's slice limits its visitors the same way", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "orders.csv", ORDERS);
    const link = await createAccessLink(cast.owner, { resourceType: "dataset", resourceId: datasetId, scope: NORTH });
    const opened = await openAccessLink(link.token, { client: "203.0.113.9", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(opened.status);
    const page = await queryDataset(opened.link.actor, datasetId, {});
    expect(page.total).toBe(3);
    expect(page.columns.map((c) => c.name)).not.toContain("customer_id");
    const csv = await text((await exportDataset(opened.link.actor, datasetId, { format: "csv" })).body);
    expect(csv).not.toContain("South");
    expect((await listAccessLinks(cast.owner, "dataset", datasetId))[0]).toMatchObject({
      slice: "rows where region = North; 3 of 4 columns",
    });
  });
});
