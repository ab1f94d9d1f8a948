// The hourly limit on access requests must hold when one person sends many at once (security review: the count
// was read outside the transaction that writes the request, so concurrent requests all passed it).
import { afterEach, describe, expect, it } from "vitest";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { person } from "@/lib/sharing/test-support";
import { setupTestDatabase } from "@/test/db";
import { createAccessRequest } from "./create-request";
import { denyAccessRequest } from "./decide-request";
import { listMyRequests } from "./list-requests";

const { db } = setupTestDatabase();

afterEach(() => {
  delete process.env.ACCESS_REQUESTS_PER_HOUR;
});

describe("access request limits", () => {
  it("a person sending many requests at once gets exactly ACCESS_REQUESTS_PER_HOUR through, the rest 429", async () => {
    process.env.ACCESS_REQUESTS_PER_HOUR = "3";
    const owner = await person("own");
    const ws = await db().workspace.create({ data: { ownerId: owner.id, slug: "limits", name: "Limits" } });
    const datasets = [];
    for (let i = 0; i < 8; i++) {
      const ds = await createEmptyDataset({ workspaceId: ws.id, slug: `listed${i}`, createdById: owner.id });
      await setDatasetVisibility(owner, ds.id, "listed");
      datasets.push(ds);
    }
    const stranger = await person("str");
    const outcomes = await Promise.allSettled(
      datasets.map((ds) => createAccessRequest(stranger, { source: "discover", datasetId: ds.id }, {})),
    );
    const codes = outcomes.map((o) => (o.status === "fulfilled" ? "ok" : (o.reason as { code?: string }).code));
    expect(codes.filter((c) => c === "ok")).toHaveLength(3);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(5);
    expect(await db().accessRequest.count({ where: { requesterId: stranger.id } })).toBe(3);
  });
});

describe("a decided request", () => {
  it("names the manager who decided to the requester without their e-mail address, in the app and the e-mail", async () => {
    const owner = await person("own");
    const ws = await db().workspace.create({ data: { ownerId: owner.id, slug: "privacy", name: "Privacy" } });
    const manager = await db().user.create({ data: { email: "quiet.manager@corp.example", username: null } });
    await db().membership.create({ data: { workspaceId: ws.id, userId: manager.id, role: "admin" } });
    const ds = await createEmptyDataset({ workspaceId: ws.id, slug: "listed", createdById: owner.id });
    await setDatasetVisibility(owner, ds.id, "listed");
    const stranger = await person("str");
    const { id } = await createAccessRequest(stranger, { source: "discover", datasetId: ds.id }, {});

    await denyAccessRequest({ id: manager.id, email: manager.email, username: null }, id, { reason: "Not now" });
    const [mine] = await listMyRequests(stranger);
    expect(mine).toMatchObject({ status: "denied", decidedBy: "a manager", reason: "Not now" });
    const mails = await db().outbox.findMany({ where: { to: stranger.email!.toLowerCase() } });
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0])).not.toContain("quiet.manager");
    expect(mails[0]!.subject).toContain("A manager declined your request");
  });
});
