import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { shareResource } from "@/lib/sharing/share-resource";
import { createAccessLink, revokeAccessLink } from "@/lib/links/manage-links";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import type { Actor } from "@/lib/access";
import { VALIDITY_COLUMNS, nextValidityEnd, readDataVersion, transactionMark } from "./data-version";

const { db } = setupTestDatabase();
const postgres = process.env.TEST_DB === "postgresql";

// The tables no page shows, written at request rate (see the data_version migration).
const UNCOVERED = ["DataVersion", "Throttle", "Lease", "_prisma_migrations"];

let alice: Actor;
let bob: Actor;
let workspaceId: string;

beforeAll(async () => {
  alice = await createUser({ email: "alice@example.com", username: "alice" });
  bob = await createUser({ email: "bob@example.com", username: "bob" });
  workspaceId = (await createWorkspace(alice, { name: "Sales", slug: "sales" })).id;
});

const version = async () => BigInt(await readDataVersion());

async function tables(): Promise<string[]> {
  const rows = postgres
    ? await db().$queryRaw<
        Array<{ name: string }>
      >`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`
    : await db().$queryRaw<
        Array<{ name: string }>
      >`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`;
  return rows.map((r) => r.name).sort();
}

async function tablesWithTriggers(): Promise<string[]> {
  const rows = postgres
    ? await db().$queryRaw<Array<{ name: string }>>`SELECT DISTINCT c.relname AS name FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
WHERE p.proname = 'datashelf_bump_data_version' AND t.tgdeferrable AND t.tginitdeferred`
    : await db().$queryRaw<Array<{ name: string }>>`SELECT DISTINCT tbl_name AS name FROM sqlite_master
WHERE type = 'trigger' AND sql LIKE '%UPDATE "DataVersion" SET "version" = "version" + 1%'`;
  return rows.map((r) => r.name).sort();
}

describe("the data version (what a kept page is checked against, scripts/page-cache.mjs)", () => {
  it("is bumped by a write to every table but the ones no page shows, on insert, update and delete", async () => {
    const all = await tables();
    expect(all).toContain("Share");
    expect(await tablesWithTriggers()).toEqual(all.filter((t) => !UNCOVERED.includes(t)));
    if (postgres) {
      const truncates = await db().$queryRaw<
        Array<{ name: string }>
      >`SELECT DISTINCT c.relname AS name FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
WHERE p.proname = 'datashelf_bump_data_version' AND (t.tgtype & 32) <> 0`;
      expect(truncates.map((r) => r.name).sort()).toEqual(all.filter((t) => !UNCOVERED.includes(t)));
    } else {
      const operations = await db().$queryRaw<
        Array<{ name: string }>
      >`SELECT name FROM sqlite_master WHERE type = 'trigger'`;
      expect(operations).toHaveLength((all.length - UNCOVERED.length) * 3);
    }
  });

  it("moves with a grant, a link made and revoked, and raw SQL; not with a guess counter", async () => {
    const start = await version();
    const share = await shareResource(alice, "workspace", workspaceId, { grantees: ["bob"], role: "viewer" });
    const granted = await version();
    expect(granted).toBeGreaterThan(start);
    expect(share).toHaveLength(1);

    const link = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspaceId });
    const linked = await version();
    expect(linked).toBeGreaterThan(granted);
    await revokeAccessLink(alice, link.id);
    const revoked = await version();
    expect(revoked).toBeGreaterThan(linked);

    await db().$executeRaw`UPDATE "User" SET "name" = 'Bob B.' WHERE "id" = ${bob.id}`;
    const raw = await version();
    expect(raw).toBeGreaterThan(revoked);

    await db().throttle.create({ data: { key: "link:10.0.0.1", failures: 1, windowStart: new Date() } });
    expect(await version()).toBe(raw);
  });

  it("does not move for a transaction rolled back", async () => {
    const before = await version();
    await expect(
      db().$transaction(async (tx) => {
        await tx.user.update({ where: { id: bob.id }, data: { name: "Nobody" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).name).toBe("Bob B.");
  });

  it("bounds kept pages by the next expiry or start the database holds, ignoring the past", async () => {
    const now = new Date();
    const hour = 3_600_000;
    await db().share.updateMany({ data: { expiresAt: new Date(now.getTime() - hour) } });
    await db().session.deleteMany();
    await db().accessLink.deleteMany();
    const later = await createAccessLink(alice, {
      resourceType: "workspace",
      resourceId: workspaceId,
      expiresAt: new Date(now.getTime() + 5 * hour),
    });
    expect(await nextValidityEnd(now)).toBe(later.expiresAt.getTime());
    const starting = new Date(now.getTime() + 2 * hour);
    await db().accessLink.update({ where: { id: later.id }, data: { startsAt: starting } });
    expect(await nextValidityEnd(now)).toBe(starting.getTime());
    const grantEnd = new Date(now.getTime() + hour);
    await db().share.updateMany({ data: { expiresAt: grantEnd } });
    expect(await nextValidityEnd(now)).toBe(grantEnd.getTime());
    expect(await nextValidityEnd(new Date(now.getTime() + 10 * hour))).toBe(Infinity);
  });

  it("is not read while a transaction is open on the SQLite connection, whose rows every statement sees uncommitted", async () => {
    const before = transactionMark();
    let inside: unknown;
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: bob.id }, data: { name: "Bob B." } });
      inside = await readDataVersion().catch((error: unknown) => error);
    });
    if (postgres) {
      // Pooled connections: another statement never sees the open transaction's rows, nor its bump.
      expect(typeof inside).toBe("string");
      expect(transactionMark()).toBe(0);
    } else {
      expect(inside).toBeInstanceOf(Error);
      expect(transactionMark()).toBe(before + 1);
    }
    expect(typeof (await readDataVersion())).toBe("string");
  });

  it.runIf(postgres)("moves with a TRUNCATE on PostgreSQL", async () => {
    await db().savedQuery.create({ data: { userId: bob.id, name: "q", sql: "SELECT 1" } });
    const before = await version();
    await db().$executeRawUnsafe(`TRUNCATE "SavedQuery"`);
    expect(await version()).toBeGreaterThan(before);
  });

  // Every DateTime column of the tables it covers is either a validity column (its time changes what a page shows
  // without a write) or one of these, which record when something happened: only a write changes what they mean.
  const RECORDED_TIMES = [
    "createdAt",
    "updatedAt",
    "emailVerified",
    "lastUsedAt",
    "revokedAt",
    "acceptedAt",
    "modifiedAt",
    "trashedAt",
    "nextAttemptAt",
    "sentAt",
    "finishedAt",
    "activeAt",
    "reviewedAt",
    "firstOpenedAt",
    "scopeBrokenAt",
    "usedAt",
    "decidedAt",
    "grantExpiresAt",
  ];

  it("bounds kept pages by every expiry and start column of the tables it covers", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const validity: string[] = [];
    const unknown: string[] = [];
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      if (UNCOVERED.includes(model!)) continue;
      for (const [, column] of body!.matchAll(/^\s+(\w+)\s+DateTime\??/gm)) {
        if (VALIDITY_COLUMNS.some((c) => c.table === model && c.column === column)) validity.push(`${model}.${column}`);
        else if (!RECORDED_TIMES.includes(column!)) unknown.push(`${model}.${column}`);
      }
    }
    expect(unknown).toEqual([]);
    expect(validity.sort()).toEqual(VALIDITY_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });
});
