// A slice that stopped serving (a new version dropped a column it uses, or its stored scope no
// longer reads) gives its holder nothing: every listing must agree with the 404 of its reads.
import { describe, expect, it } from "vitest";
import * as namespaceRoute from "@/app/api/v1/data/[owner]/[namespace]/route";
import { getDataset } from "@/lib/catalog/get-dataset";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { listDatasets } from "@/lib/catalog/list-datasets";
import { createCast, createDataset, failure, prepare, setupCatalogStorage } from "@/lib/catalog/test-support";
import { getDb } from "@/lib/db";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";
import { workspaceVisibility } from ".";

setupTestDatabase();
setupCatalogStorage();

const ORDERS = "order_id,region,amount\n1,North,10\n2,South,20\n3,North,30\n";
const NORTH = { rows: [{ column: "region", op: "eq" as const, value: "North" }], columns: null };

async function sliceSharedWithCarol() {
  const cast = await createCast();
  const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "orders.csv", ORDERS);
  const carol = await person("carol");
  await shareResource(cast.owner, "dataset", datasetId, { grantees: [carol.username!], role: "viewer", scope: NORTH });
  const ws = await getDb().workspace.findUniqueOrThrow({ where: { id: cast.workspace.id } });
  const ref = { id: ws.id, ownerId: ws.ownerId, slug: ws.slug, owner: cast.owner.username! };
  return { ...cast, datasetId, carol, ref };
}

async function restListing(token: string, owner: string, namespace: string) {
  resetRateLimits();
  const response = await namespaceRoute.GET(
    new Request(`http://localhost:3000/api/v1/data/${owner}/${namespace}`, {
      headers: { Authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ owner, namespace }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function expectListsNothing(w: Awaited<ReturnType<typeof sliceSharedWithCarol>>) {
  // the reads say 404...
  expect(await failure(getDataset(w.carol, { id: w.datasetId }))).toMatchObject({ code: "not_found" });
  // ...and so does every listing: the catalog list, the workspace itself and the REST listing
  expect((await listDatasets(w.carol, w.ref)).items.map((d) => d.id)).not.toContain(w.datasetId);
  expect((await listDatasets(w.carol, w.ref)).total).toBe(0);
  expect(await workspaceVisibility(w.carol, w.ref)).toBeNull();
  const { token } = await createApiToken(w.carol.id, { name: "t" });
  expect(await restListing(token, w.ref.owner, w.ref.slug)).toMatchObject({
    status: 404,
    body: { code: "not_found" },
  });
}

describe("a slice that stopped serving lists nothing", () => {
  it("is listed while it serves", async () => {
    const w = await sliceSharedWithCarol();
    expect((await listDatasets(w.carol, w.ref)).items.map((d) => d.id)).toEqual([w.datasetId]);
    const { token } = await createApiToken(w.carol.id, { name: "t" });
    const { status, body } = await restListing(token, w.ref.owner, w.ref.slug);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, datasets: [{ id: w.datasetId, rowCount: 2 }] });
  });

  it("after a version drops a column the slice uses: not in the catalog list, the workspace or the REST listing", async () => {
    const w = await sliceSharedWithCarol();
    const v2 = await prepare(w.owner, w.workspace.id, "v2.csv", "order_id,amount\n1,5\n", {
      mode: "replace",
      datasetId: w.datasetId,
    });
    await commitIngest(w.owner, v2.id);
    await expectListsNothing(w);
  });

  it("when its stored scope no longer reads", async () => {
    const w = await sliceSharedWithCarol();
    await getDb().share.updateMany({
      where: { resourceId: w.datasetId },
      data: { scope: '{"rows":"region = North"}' },
    });
    await expectListsNothing(w);
  });

  it("another grant that serves still lists the dataset (the broken slice takes nothing away from it)", async () => {
    const w = await sliceSharedWithCarol();
    await getDb().share.updateMany({ where: { resourceId: w.datasetId }, data: { scopeBrokenAt: new Date() } });
    const other = await createDataset(w.owner, w.workspace.id, "other.csv", "a\n1\n");
    await shareResource(w.owner, "dataset", other.datasetId, { grantees: [w.carol.username!], role: "viewer" });
    expect((await listDatasets(w.carol, w.ref)).items.map((d) => d.id)).toEqual([other.datasetId]);
    expect(await workspaceVisibility(w.carol, w.ref)).toMatchObject({ scope: "shared" });
  });
});
