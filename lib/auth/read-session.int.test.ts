import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as policiesRoute } from "@/app/api/policies/route";
import { type Db, setDb } from "@/lib/db";
import { createCast } from "@/lib/files/test-support";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { setupTestDatabase } from "@/test/db";
import { authAdapter } from "./options";
import { readSessionUser } from "./read-session";
import { SESSION_MAX_AGE_DAYS } from "./session-age";

const { db } = setupTestDatabase();

const APP = "http://localhost:3000";
const DAY = 86_400_000;

/** Database operations on sessions a request sends (each is one round trip; the session read is one raw statement). */
let sessionOperations = 0;
beforeEach(() => {
  resetRateLimits();
  sessionOperations = 0;
  setDb(
    db().$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          if (model === "Session" || model === "User" || operation === "$queryRaw") sessionOperations++;
          return query(args);
        },
      },
    }) as unknown as Db,
  );
});
afterEach(() => setDb(db()));

/** A session as next-auth's sign-in creates it (the adapter stores the token's hash), and its raw token. */
async function signIn(userId: string, expires = new Date(Date.now() + SESSION_MAX_AGE_DAYS * DAY)) {
  const token = randomUUID();
  await authAdapter().createSession!({ sessionToken: token, userId, expires });
  return token;
}

/** A browser route (cookie or bearer token) called with nothing but the request's own headers. */
const policies = (rootId: string, cookie?: string) =>
  policiesRoute(
    new Request(`${APP}/api/policies?type=folder&id=${rootId}`, {
      headers: cookie ? { Cookie: `theme=dark; next-auth.session-token=${cookie}` } : {},
    }),
  );

describe("the session read on every page and browser request", () => {
  it("signs a browser request in from its own session cookie, reading the session with its user in one round trip", async () => {
    const cast = await createCast();
    const token = await signIn(cast.owner.id);
    sessionOperations = 0;
    const res = await policies(cast.rootId, token);
    expect(res.status).toBe(200);
    expect(sessionOperations).toBe(1);
    expect(await readSessionUser(token)).toEqual({
      id: cast.owner.id,
      email: cast.owner.email,
      username: cast.owner.username,
      name: null,
    });
  });

  it("refuses the very next request after sign-out or a deleted session, and an unknown or missing cookie", async () => {
    const cast = await createCast();
    const token = await signIn(cast.owner.id);
    expect((await policies(cast.rootId, token)).status).toBe(200);
    await authAdapter().deleteSession!(token); // what next-auth's sign-out does
    const after = await policies(cast.rootId, token);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "unauthenticated" });

    const other = await signIn(cast.owner.id);
    expect((await policies(cast.rootId, other)).status).toBe(200);
    await db().session.deleteMany({ where: { userId: cast.owner.id } }); // "sign out everywhere", an admin's delete
    expect((await policies(cast.rootId, other)).status).toBe(401);

    expect((await policies(cast.rootId, "not-a-session")).status).toBe(401);
    expect((await policies(cast.rootId)).status).toBe(401);
  });

  it("an expired session signs nobody in and its row is deleted", async () => {
    const cast = await createCast();
    const token = await signIn(cast.owner.id, new Date(Date.now() - 1_000));
    expect(await readSessionUser(token)).toBeNull();
    expect((await policies(cast.rootId, token)).status).toBe(401);
    expect(await db().session.count({ where: { userId: cast.owner.id } })).toBe(0);
  });

  it("extends a session used more than a day after its last extension, and writes nothing before that", async () => {
    const cast = await createCast();
    const fresh = new Date(Date.now() + SESSION_MAX_AGE_DAYS * DAY - 60_000);
    const token = await signIn(cast.owner.id, fresh);
    expect(await readSessionUser(token)).not.toBeNull();
    const expiresOf = async () => (await db().session.findFirstOrThrow({ where: { userId: cast.owner.id } })).expires;
    expect((await expiresOf()).getTime()).toBe(fresh.getTime());

    const stale = new Date(Date.now() + (SESSION_MAX_AGE_DAYS - 2) * DAY);
    await db().session.updateMany({ where: { userId: cast.owner.id }, data: { expires: stale } });
    expect(await readSessionUser(token)).not.toBeNull();
    expect((await expiresOf()).getTime()).toBeGreaterThan(Date.now() + (SESSION_MAX_AGE_DAYS - 1) * DAY);
  });
});
