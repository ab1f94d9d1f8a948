import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { Actor } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import { type Db, setDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { createFolder } from "./create-folder";
import { deleteForever } from "./delete-forever";
import { moveEntries } from "./move-entries";
import { restoreEntries } from "./restore-entries";
import { getRootFolder } from "./root-folder";
import { setupTempStorage } from "./test-support";
import { trashEntries } from "./trash-entries";

const { db } = setupTestDatabase();
setupTempStorage();

/** The models lib/access reads to decide a role (ownership comes with the entry's workspace). */
const ACCESS_MODELS = new Set(["Share", "Membership"]);

/**
 * Runs `work` against a client that counts the access-check queries it issues (a Prisma query
 * extension, so interactive transactions are counted too).
 */
async function accessQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const counting = db().$extends({
    query: {
      $allOperations({ model, args, query }) {
        if (model && ACCESS_MODELS.has(model)) queries++;
        return query(args);
      },
    },
  });
  setDb(counting as unknown as Db);
  try {
    return { result: await work(), queries };
  } finally {
    setDb(db());
  }
}

let seq = 0;
async function admin(workspaceId: string): Promise<Actor> {
  const u = await createUser({ email: `bulk${++seq}@example.com`, username: `bulk${seq}` });
  await db().membership.create({ data: { workspaceId, userId: u.id, role: "admin" } });
  return { id: u.id, email: u.email, username: u.username };
}

/** A workspace with `count` files in one folder, an empty second folder, and an admin (not the owner). */
async function filesInFolder(count: number) {
  const owner = await createUser({ email: `owner${++seq}@example.com`, username: `owner${seq}` });
  const ws = await db().workspace.create({ data: { ownerId: owner.id, slug: `bulk${seq}`, name: "Bulk" } });
  const root = await getRootFolder(ws.id);
  const from = await createFolder(owner, { parentId: root.id, name: "from" });
  const to = await createFolder(owner, { parentId: root.id, name: "to" });
  const fromRow = await db().fileEntry.findUniqueOrThrow({ where: { id: from.id } });
  await db().fileEntry.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId: ws.id,
      kind: "file",
      parentId: from.id,
      slot: from.id,
      name: `f${i}.txt`,
      nameLower: `f${i}.txt`,
      ancestry: childAncestryOf(fromRow),
      size: 1n,
    })),
  });
  const ids = (await db().fileEntry.findMany({ where: { parentId: from.id }, select: { id: true } })).map((r) => r.id);
  return { actor: await admin(ws.id), ids, to };
}

async function bulkRun(count: number) {
  const { actor, ids, to } = await filesInFolder(count);
  const move = await accessQueries(() => moveEntries(actor, { ids, targetId: to.id }));
  expect(move.result.moved).toBe(count);
  const trash = await accessQueries(() => trashEntries(actor, { ids }));
  expect(trash.result.trashed).toBe(count);
  const restore = await accessQueries(() => restoreEntries(actor, { ids }));
  expect(restore.result.restored).toBe(count);
  await trashEntries(actor, { ids });
  const remove = await accessQueries(() => deleteForever(actor, { ids }));
  expect(remove.result.deleted).toBe(count);
  return { move: move.queries, trash: trash.queries, restore: restore.queries, remove: remove.queries };
}

describe("bulk operations on many files", () => {
  it("check access in a fixed number of queries: 1,000 files cost no more than 10", async () => {
    const few = await bulkRun(10);
    const many = await bulkRun(1000);
    expect(many).toEqual(few);
    expect(Math.max(...Object.values(many))).toBeLessThanOrEqual(4);
  }, 120_000);
});
