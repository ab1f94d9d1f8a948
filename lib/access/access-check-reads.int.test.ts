import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Resource, assertAccess, assertCan, getEffectiveAccess, getEffectiveRoles } from "@/lib/access";
import { type Db, setDb } from "@/lib/db";
import { sqlitePath } from "@/lib/db/config";
import { PrismaClient } from "@/lib/db/generated/sqlite/client";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { createFolder } from "@/lib/files/create-folder";
import { getRootFolder } from "@/lib/files/root-folder";
import { createWorkspaceCast } from "@/lib/workspaces/test-cast";
import { parseStoredScope } from "@/lib/scopes";
import { setupTestDatabase } from "@/test/db";

const { db, url } = setupTestDatabase();

/** The SQL every access check sends, as the database receives it (a client with query logging). */
let statements: string[] = [];
const loggingClient = () =>
  new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: url() }), log: [{ emit: "event", level: "query" }] });
let logging: ReturnType<typeof loggingClient> | undefined;
beforeEach(() => {
  statements = [];
  if (process.env.TEST_DB === "postgresql") return;
  logging = loggingClient();
  logging.$on("query", (e) => statements.push(e.query));
  setDb(logging as unknown as Db);
});
afterEach(async () => {
  setDb(db());
  await logging?.$disconnect();
});

const sqliteOnly = process.env.TEST_DB === "postgresql" ? it.skip : it;

function datasetResource(workspace: { id: string; ownerId: string }, id: string): Resource {
  return { type: "dataset", id, workspaceId: workspace.id, workspaceOwnerId: workspace.ownerId, visibility: "private" };
}

async function folderChain(owner: Parameters<typeof createFolder>[0], workspaceId: string, depth: number) {
  let parentId = (await getRootFolder(workspaceId)).id;
  const chain: string[] = [];
  for (let i = 0; i < depth; i++) {
    parentId = (await createFolder(owner, { parentId, name: `level-${i}` })).id;
    chain.push(parentId);
  }
  return chain;
}

function grantRow(
  workspaceId: string,
  resourceType: "folder" | "dataset",
  resourceId: string,
  userId: string,
  by: string,
) {
  return db().share.create({
    data: {
      workspaceId,
      resourceType,
      resourceId,
      granteeType: "user",
      granteeUserId: userId,
      granteeKey: `user:${userId}`,
      role: "viewer",
      createdById: by,
    },
  });
}

/** A viewer grant on a dataset to a whole workspace (B2B), limited to a slice when `scope` (stored JSON) is given. */
function workspaceGrantRow(
  workspaceId: string,
  datasetId: string,
  granteeWorkspaceId: string,
  by: string,
  scope?: string,
) {
  return db().share.create({
    data: {
      workspaceId,
      resourceType: "dataset",
      resourceId: datasetId,
      granteeType: "workspace",
      granteeWorkspaceId,
      granteeKey: `workspace:${granteeWorkspaceId}`,
      role: "viewer",
      scope,
      createdById: by,
    },
  });
}

describe("what one access check reads", () => {
  sqliteOnly(
    "reads only through indexes: no table is scanned, however many workspaces the database holds",
    async () => {
      const cast = await createWorkspaceCast();
      const chain = await folderChain(cast.owner, cast.workspace.id, 4);
      // The grant's row itself (the share action would queue an e-mail, whose delivery reads the outbox meanwhile).
      await grantRow(cast.workspace.id, "folder", chain[0]!, cast.stranger.id, cast.owner.id);
      for (let i = 0; i < 50; i++) await createWorkspaceCast(); // other people's workspaces
      const deepest: Resource = {
        type: "folder",
        id: chain.at(-1)!,
        workspaceId: cast.workspace.id,
        workspaceOwnerId: cast.workspace.ownerId,
        ancestorFolderIds: chain.slice(0, -1),
      };
      statements = [];
      expect(await assertCan(cast.stranger, "read", deepest)).toBe("viewer");
      expect(await assertCan(cast.editor, "read", deepest)).toBe("editor");
      const reads = statements.filter((s) => s.startsWith("SELECT"));
      expect(reads.length).toBeGreaterThan(0);
      const raw = new Database(sqlitePath(url()), { readonly: true });
      try {
        for (const sql of reads) {
          const args = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => "x");
          const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
          expect(plan.filter((step) => step.detail.startsWith("SCAN")).map((s) => `${s.detail} in ${sql}`)).toEqual([]);
        }
      } finally {
        raw.close();
      }
    },
  );

  sqliteOnly("answers a grantee and a member in one statement each", async () => {
    const cast = await createWorkspaceCast();
    const resource = datasetResource(cast.workspace, "any-dataset");
    await grantRow(cast.workspace.id, "dataset", "any-dataset", cast.stranger.id, cast.owner.id);
    statements = [];
    expect(await assertCan(cast.admin, "manage", resource)).toBe("manager");
    expect(statements).toHaveLength(1);
    statements = [];
    expect(await assertCan(cast.stranger, "read", resource)).toBe("viewer");
    expect(statements).toHaveLength(1);
  });
});

describe("many resources at once", () => {
  it("answers any number of them, in statements of bounded size", async () => {
    const cast = await createWorkspaceCast();
    const resources = Array.from({ length: 6_000 }, (_, i) => datasetResource(cast.workspace, `dataset-${i}`));
    await grantRow(cast.workspace.id, "dataset", "dataset-5999", cast.stranger.id, cast.owner.id);
    await grantRow(cast.workspace.id, "dataset", "dataset-0", cast.stranger.id, cast.owner.id);
    statements = [];
    const roles = await getEffectiveRoles(cast.stranger, resources);
    expect(roles.filter((r) => r !== null)).toEqual(["viewer", "viewer"]);
    expect([roles[0], roles[5_999]]).toEqual(["viewer", "viewer"]);
    expect(await getEffectiveRoles(cast.editor, resources)).toEqual(resources.map(() => "editor"));
    if (process.env.TEST_DB !== "postgresql") expect(statements.length).toBeGreaterThan(2);
  });
});

describe("a member who also holds grants", () => {
  it("keeps the membership's role and reads the whole dataset, not a slice granted beside it", async () => {
    const cast = await createWorkspaceCast();
    const resource = datasetResource(cast.workspace, "orders");
    await db().share.create({
      data: {
        workspaceId: cast.workspace.id,
        resourceType: "dataset",
        resourceId: "orders",
        granteeType: "user",
        granteeUserId: cast.editor.id,
        granteeKey: `user:${cast.editor.id}`,
        role: "viewer",
        scope: JSON.stringify({ rows: [{ column: "region", op: "eq", value: "North" }], columns: null }),
        createdById: cast.owner.id,
      },
    });
    expect(await assertAccess(cast.editor, "write", resource)).toEqual({ role: "editor", scope: null });
    expect(await getEffectiveAccess(cast.admin, [resource])).toEqual([{ role: "manager", scope: null }]);
  });

  it("loses a member's access on the very next check after they are removed", async () => {
    const cast = await createWorkspaceCast();
    const resource = datasetResource(cast.workspace, "orders");
    expect(await assertCan(cast.editor, "view", resource)).toBe("editor");
    await db().membership.deleteMany({ where: { workspaceId: cast.workspace.id, userId: cast.editor.id } });
    await expect(assertCan(cast.editor, "view", resource)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("grants to a workspace (B2B)", () => {
  it("reach the workspace's owner and its members, and stop at once for a member who leaves it", async () => {
    const seller = await createWorkspaceCast();
    const buyer = await createWorkspaceCast();
    const resource = datasetResource(seller.workspace, "prices");
    await workspaceGrantRow(seller.workspace.id, "prices", buyer.workspace.id, seller.owner.id);
    expect(await assertCan(buyer.owner, "read", resource)).toBe("viewer");
    expect(await assertCan(buyer.editor, "read", resource)).toBe("viewer");
    await expect(assertCan(buyer.stranger, "view", resource)).rejects.toMatchObject({ code: "not_found" });
    await db().membership.deleteMany({ where: { workspaceId: buyer.workspace.id, userId: buyer.editor.id } });
    await expect(assertCan(buyer.editor, "view", resource)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the grants one check reads", () => {
  const north = JSON.stringify({ rows: [{ column: "region", op: "eq", value: "North" }], columns: null });
  const south = JSON.stringify({ rows: [{ column: "region", op: "eq", value: "South" }], columns: null });

  it("count until their expiry, and a slice until a new version breaks it, on the very next check", async () => {
    const cast = await createWorkspaceCast();
    const resource = datasetResource(cast.workspace, "orders");
    const share = await grantRow(cast.workspace.id, "dataset", "orders", cast.stranger.id, cast.owner.id);
    await db().share.update({
      where: { id: share.id },
      data: { scope: north, expiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await getEffectiveAccess(cast.stranger, [resource])).toEqual([
      { role: "viewer", scope: parseStoredScope(north) },
    ]);
    await db().share.update({ where: { id: share.id }, data: { scopeBrokenAt: new Date() } });
    expect(await getEffectiveAccess(cast.stranger, [resource])).toEqual([null]);
    await db().share.update({ where: { id: share.id }, data: { scope: null, scopeBrokenAt: null } });
    expect(await getEffectiveAccess(cast.stranger, [resource])).toEqual([{ role: "viewer", scope: null }]);
    await db().share.update({ where: { id: share.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getEffectiveAccess(cast.stranger, [resource])).toEqual([null]);
  });

  it("limit to the newest slice at the highest role, whoever of the actor or their workspace holds it", async () => {
    const seller = await createWorkspaceCast();
    const buyer = await createWorkspaceCast();
    const resource = datasetResource(seller.workspace, "prices");
    const own = await grantRow(seller.workspace.id, "dataset", "prices", buyer.editor.id, seller.owner.id);
    await db().share.update({
      where: { id: own.id },
      data: { scope: north, createdAt: new Date(Date.now() - 60_000) },
    });
    await workspaceGrantRow(seller.workspace.id, "prices", buyer.workspace.id, seller.owner.id, south);
    expect(await getEffectiveAccess(buyer.editor, [resource])).toEqual([
      { role: "viewer", scope: parseStoredScope(south) },
    ]);
    await db().share.update({ where: { id: own.id }, data: { createdAt: new Date(Date.now() + 60_000) } });
    expect(await getEffectiveAccess(buyer.editor, [resource])).toEqual([
      { role: "viewer", scope: parseStoredScope(north) },
    ]);
  });
});
