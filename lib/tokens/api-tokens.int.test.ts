import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, it } from "vitest";
import { type Db, setDb } from "@/lib/db";
import { PrismaClient } from "@/lib/db/generated/sqlite/client";
import { setupTestDatabase } from "@/test/db";
import { createUser } from "@/lib/users/create-user";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { hashToken } from "@/lib/util/tokens";

const { db, url } = setupTestDatabase();

describe("API tokens", () => {
  it("authenticates a token shown once, stores only its hash, and stops after revocation or expiry", async () => {
    const user = await createUser({ email: "tia@example.com", username: "tia" });
    const { token, id } = await createApiToken(user.id, { name: "script" });
    expect(token).toMatch(/^dsk_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await authenticateApiToken(token)).toMatchObject({ id: user.id, username: "tia" });
    expect(await authenticateApiToken(`${token}x`)).toBeNull();
    // "Last used" is written beside the request, not before answering it.
    await expect.poll(async () => (await listApiTokens(user))[0]?.lastUsedAt).toBeInstanceOf(Date);
    await revokeApiToken(user, id);
    expect(await authenticateApiToken(token)).toBeNull();

    const expiring = await createApiToken(user.id, { name: "short", expiresDays: 1 });
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateApiToken(expiring.token)).toBeNull();
    await expect(createApiToken(user.id, { name: "" })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("API token authentication", () => {
  // The bearer token is read before every API request: one statement, not one per table.
  (process.env.TEST_DB === "postgresql" ? it.skip : it)("reads the token and its user in one statement", async () => {
    const user = await createUser({ email: "una@example.com", username: "una" });
    const { token, id } = await createApiToken(user.id, { name: "script" });
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: new Date() } });
    const statements: string[] = [];
    const logging = new PrismaClient({
      adapter: new PrismaBetterSqlite3({ url: url() }),
      log: [{ emit: "event", level: "query" }],
    });
    logging.$on("query", (e) => statements.push(e.query));
    setDb(logging as unknown as Db);
    try {
      expect(await authenticateApiToken(token)).toEqual({ id: user.id, email: "una@example.com", username: "una" });
      expect(statements).toHaveLength(1);
    } finally {
      setDb(db());
      await logging.$disconnect();
    }
  });
});
