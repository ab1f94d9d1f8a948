import { describe, expect, it } from "vitest";
import { type Actor, getEffectiveRole } from "@/lib/access";
import { readableDatasetsWhere } from "@/lib/access/datasets";
import { datasetResource } from "@/lib/catalog/load-dataset";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { setupCatalogStorage } from "@/lib/catalog/test-support";
import { getDb } from "@/lib/db";
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { toFailure } from "@/lib/util/result";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { listNamespaceData, readData } from "./data";
import { ingestRecords } from "./ingest-records";
import { rowsQuerySchema } from "./row-params";
import { querySharedBy } from "./shared-by";

setupTestDatabase();
setupCatalogStorage();

let n = 0;
async function person(name: string): Promise<Actor> {
  const username = `${name}${++n}`;
  const u = await createUser({ email: `${username}@example.com`, username });
  return { id: u.id, email: u.email, username: u.username };
}

const notFoundAsEmpty = async <T>(promise: Promise<T>, empty: T): Promise<T> => {
  try {
    return await promise;
  } catch (error) {
    if (toFailure(error).code === "not_found") return empty;
    throw error;
  }
};

/** Every dataset the actor can read, as the REST API answers: namespace listings, then a row read of each dataset. */
async function readableThroughApi(
  actor: Actor,
  namespaces: { owner: string; slug: string }[],
  all: { owner: string; slug: string; dataset: string; id: string }[],
) {
  const listed = new Set<string>();
  for (const ns of namespaces) {
    const page = await notFoundAsEmpty<{ datasets: { id: string }[] }>(
      listNamespaceData(actor, ns.owner, ns.slug, { pageSize: 100 }),
      { datasets: [] },
    );
    for (const d of page.datasets) listed.add(d.id);
  }
  const read = new Set<string>();
  for (const d of all) {
    const ok = await readData(actor, d.owner, d.slug, d.dataset, rowsQuerySchema.parse({ limit: "1" })).then(
      () => true,
      (error: unknown) => {
        if (toFailure(error).code === "not_found") return false;
        throw error;
      },
    );
    if (ok) read.add(d.id);
  }
  return { listed, read };
}

/** The same question asked of lib/access directly, dataset by dataset. */
async function readableThroughAccess(actor: Actor) {
  const rows = await getDb().dataset.findMany({ include: { workspace: { select: { ownerId: true } } } });
  const readable = new Set<string>();
  for (const row of rows) if (await getEffectiveRole(actor, datasetResource(row))) readable.add(row.id);
  return readable;
}

describe("the REST API returns exactly what lib/access lets each grantee read", () => {
  it("agrees with getEffectiveRole and readableDatasetsWhere for owners, members, grantees, B2B members and strangers", async () => {
    const owner = await person("owner");
    const member = await person("member");
    const admin = await person("admin");
    const datasetGrantee = await person("dsgrantee");
    const namespaceGrantee = await person("nsgrantee");
    const partner = await person("partner");
    const partnerColleague = await person("colleague");
    const stranger = await person("stranger");
    const invitedElsewhere = await person("invited");

    const team = await createWorkspace(owner, { name: "Team", slug: "team" });
    const other = await createWorkspace(owner, { name: "Other", slug: "other" });
    const db = getDb();
    await db.membership.createMany({
      data: [
        { workspaceId: team.id, userId: member.id, role: "member" },
        { workspaceId: team.id, userId: admin.id, role: "admin" },
      ],
    });
    const partnerWs = await createWorkspace(partner, { name: "Partner", slug: "partner" });
    await db.membership.create({ data: { workspaceId: partnerWs.id, userId: partnerColleague.id, role: "member" } });

    const write = (ns: string, name: string) => ingestRecords(owner, ns, name, [{ id: 1, label: name }]);
    const [a, b, c, d, e] = [
      await write("team", "alpha"),
      await write("team", "beta"),
      await write("team", "gamma"),
      await write("other", "delta"),
      await write("other", "epsilon"),
    ];
    await setDatasetVisibility(owner, c.datasetId, "public");
    await shareResource(owner, "dataset", a.datasetId, { grantees: [datasetGrantee.username!], role: "viewer" });
    await shareResource(owner, "workspace", other.id, { grantees: [namespaceGrantee.username!], role: "editor" });
    await shareResource(owner, "dataset", b.datasetId, { grantees: [`workspace:${partnerWs.id}`], role: "viewer" });
    await shareResource(owner, "dataset", e.datasetId, { grantees: ["someone.else@example.org"], role: "viewer" }); // pending: reaches nobody yet

    const namespaces = [
      { owner: owner.username!, slug: "team" },
      { owner: owner.username!, slug: "other" },
      { owner: partner.username!, slug: "partner" },
    ];
    const all = [
      ...[a, b, c].map((x, i) => ({
        owner: owner.username!,
        slug: "team",
        dataset: ["alpha", "beta", "gamma"][i]!,
        id: x.datasetId,
      })),
      ...[d, e].map((x, i) => ({
        owner: owner.username!,
        slug: "other",
        dataset: ["delta", "epsilon"][i]!,
        id: x.datasetId,
      })),
    ];
    const expected: [Actor, string[]][] = [
      [owner, [a, b, c, d, e].map((x) => x.datasetId)],
      [member, [a, b, c].map((x) => x.datasetId)],
      [admin, [a, b, c].map((x) => x.datasetId)],
      [datasetGrantee, [a.datasetId, c.datasetId]],
      [namespaceGrantee, [c.datasetId, d.datasetId, e.datasetId]],
      [partner, [b.datasetId, c.datasetId]],
      [partnerColleague, [b.datasetId, c.datasetId]],
      [stranger, [c.datasetId]],
      [invitedElsewhere, [c.datasetId]],
    ];
    for (const [actor, ids] of expected) {
      const access = await readableThroughAccess(actor);
      const api = await readableThroughApi(actor, namespaces, all);
      const where = new Set(
        (
          await db.dataset.findMany({
            where: {
              OR: [
                await readableDatasetsWhere(actor, { id: team.id, ownerId: owner.id }),
                await readableDatasetsWhere(actor, { id: other.id, ownerId: owner.id }),
              ],
            },
            select: { id: true },
          })
        ).map((r) => r.id),
      );
      const label = actor.username!;
      expect([...access].sort(), label).toEqual([...ids].sort());
      expect([...api.listed].sort(), label).toEqual([...access].sort());
      expect([...api.read].sort(), label).toEqual([...access].sort());
      expect([...where].sort(), label).toEqual([...access].sort());
    }

    // the B2B grant is reported as shared by the owning workspace; a direct grant by its user
    expect(await querySharedBy(partnerColleague, partnerWs.id, { datasetIds: all.map((x) => x.id) })).toEqual([
      expect.objectContaining({
        datasetId: b.datasetId,
        sharedBy: { id: team.id, type: "Workspace", name: `${owner.username}/team` },
        sharedWith: { id: partnerWs.id, type: "Workspace", name: `${partner.username}/partner` },
        scope: "dataset",
      }),
    ]);
    expect(
      await querySharedBy(
        namespaceGrantee,
        (await db.workspace.findFirstOrThrow({ where: { ownerId: namespaceGrantee.id } })).id,
        { datasetIds: [d.datasetId, a.datasetId] },
      ),
    ).toEqual([
      expect.objectContaining({
        datasetId: d.datasetId,
        sharedBy: { id: owner.id, type: "User", name: owner.username },
        role: "editor",
        scope: "namespace",
      }),
    ]);
    expect(
      toFailure(await querySharedBy(stranger, team.id, { datasetIds: [a.datasetId] }).catch((x: unknown) => x)).code,
    ).toBe("not_found");
  });
});
