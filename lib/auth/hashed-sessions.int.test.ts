import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { hashToken } from "@/lib/util/tokens";
import { authAdapter } from "./options";

const { db } = setupTestDatabase();

describe("sessions stored hashed", () => {
  it("keeps only the SHA-256 of a session token, while the raw token signs in, refreshes and signs out", async () => {
    const adapter = authAdapter();
    const user = await adapter.createUser!({ id: "", email: "Sam@Example.com", emailVerified: null });
    const token = randomUUID();
    const expires = new Date(Date.now() + 86_400_000);

    const created = await adapter.createSession!({ sessionToken: token, userId: user.id, expires });
    expect(created.sessionToken).toBe(token); // next-auth puts this in the cookie

    const [row] = await db().session.findMany({ where: { userId: user.id } });
    expect(row!.sessionToken).toBe(hashToken(token));
    expect(JSON.stringify(await db().session.findMany())).not.toContain(token);

    // What a stolen copy of the table holds does not work as a cookie.
    expect(await adapter.getSessionAndUser!(row!.sessionToken)).toBeNull();
    const found = await adapter.getSessionAndUser!(token);
    expect(found?.user.email).toBe("sam@example.com");
    expect(found?.session.sessionToken).toBe(token);

    const later = new Date(Date.now() + 2 * 86_400_000);
    const updated = await adapter.updateSession!({ sessionToken: token, expires: later });
    expect(updated?.sessionToken).toBe(token);
    expect((await db().session.findUniqueOrThrow({ where: { id: row!.id } })).expires.getTime()).toBe(later.getTime());

    await adapter.deleteSession!(token);
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });
});
