// Approving an access request with "Totals only" sets the grant's minimum group size (K).
import { describe, expect, it } from "vitest";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { listResourceAccess } from "@/lib/sharing/list-access";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
import { failure } from "@/test/failure";
import { createAccessRequest } from "./create-request";
import { approveAccessRequest } from "./decide-request";

const { db } = setupTestDatabase();
let seq = 0;

async function requested() {
  const owner = await person("own");
  const ws = await db().workspace.create({ data: { ownerId: owner.id, slug: `t${++seq}`, name: "Totals" } });
  const ds = await createEmptyDataset({ workspaceId: ws.id, slug: `orders${seq}`, createdById: owner.id });
  await setDatasetVisibility(owner, ds.id, "listed");
  const stranger = await person("str");
  const request = await createAccessRequest(stranger, { source: "discover", datasetId: ds.id }, {});
  return { owner, ds, stranger, request };
}

describe("approving a request with Totals only", () => {
  it("gives the minimum group size the manager chose, shown in the access list", async () => {
    const { owner, ds, stranger, request } = await requested();
    await approveAccessRequest(owner, request.id, { role: "aggregate", minGroupSize: 25 });
    const rows = await listResourceAccess(owner, "dataset", ds.id);
    expect(rows.find((r) => r.grantee === stranger.username)).toMatchObject({ role: "aggregate", minGroupSize: 25 });
  });

  it("uses the default of 10 when none is given, and refuses a size out of range with a clear message", async () => {
    const { owner, ds, stranger, request } = await requested();
    expect(
      await failure(approveAccessRequest(owner, request.id, { role: "aggregate", minGroupSize: 1 })),
    ).toMatchObject({ code: "invalid", message: expect.stringContaining("at least 2") });
    await approveAccessRequest(owner, request.id, { role: "aggregate" });
    const rows = await listResourceAccess(owner, "dataset", ds.id);
    expect(rows.find((r) => r.grantee === stranger.username)).toMatchObject({ role: "aggregate", minGroupSize: 10 });
  });
});
