// The grid's rows request (`GET /api/datasets/{id}/rows`) through its real route handler and the real session read:
// the SQL statements it sends before DuckDB (counted at better-sqlite3, the driver, so a Prisma relation read that
// sends one statement per table counts as what it is), and how its JSON leaves (small pages uncompressed).
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as datasetRows } from "@/app/api/datasets/[id]/rows/route";
import { authAdapter } from "@/lib/auth/options";
import { readSessionUser } from "@/lib/auth/read-session";
import { SESSION_MAX_AGE_DAYS } from "@/lib/auth/session-age";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { UNCOMPRESSED_MAX_BYTES } from "@/lib/api/responses";
import { createCast, createDataset, setupCatalogStorage } from "@/lib/catalog/test-support";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { setupTestDatabase } from "@/test/db";

setupTestDatabase();
setupCatalogStorage();

const SQLITE = process.env.TEST_DB === "sqlite";

/** SQL statements run by better-sqlite3 in this process (not the rate limiter's background flush). */
const executed: string[] = [];
type StatementMethods = Record<"all" | "get" | "run" | "iterate", (...args: unknown[]) => unknown>;
const statementProto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as StatementMethods;
const originals = { ...statementProto };
for (const method of ["all", "get", "run", "iterate"] as const) {
  statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
    if (!this.source.includes('"Throttle"')) executed.push(this.source);
    return originals[method].apply(this, args);
  };
}
afterAll(() => Object.assign(statementProto, originals));

beforeEach(() => resetRateLimits());

const APP = "http://localhost:3000";

async function signIn(userId: string): Promise<string> {
  const token = randomUUID();
  await authAdapter().createSession!({
    sessionToken: token,
    userId,
    expires: new Date(Date.now() + SESSION_MAX_AGE_DAYS * 86_400_000),
  });
  return token;
}

async function rows(datasetId: string, token: string, query: object) {
  const url = `${APP}/api/datasets/${datasetId}/rows?query=${encodeURIComponent(JSON.stringify(query))}`;
  // The session is the request's own cookie: the handler runs here without Next's request scope, as the app's
  // server runs it (scripts/direct-routes.mjs).
  const headers = { Cookie: `${sessionCookieName()}=${token}` };
  const response = await datasetRows(new Request(url, { headers }), { params: Promise.resolve({ id: datasetId }) });
  const text = await response.text();
  return { status: response.status, cacheControl: response.headers.get("cache-control"), text };
}

const CSV = [
  "sensor,temperature",
  ...Array.from({ length: 200 }, (_, i) => `s-${i % 7},${(i * 0.37).toFixed(2)}`),
].join("\n");
const page = (filters: object[] = []) => ({
  limit: 50,
  offset: 0,
  sort: [{ column: "temperature", direction: "desc" }],
  filters,
});

describe("GET /api/datasets/{id}/rows: the grid's page", () => {
  it.runIf(SQLITE)(
    "reads the session and the dataset with its version in one SQL statement each (the owner's page sends two)",
    async () => {
      const cast = await createCast();
      const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
      const token = await signIn(cast.owner.id);
      expect(await readSessionUser(token)).toMatchObject({ id: cast.owner.id });

      executed.length = 0;
      expect(await readSessionUser(token)).toMatchObject({ id: cast.owner.id, email: cast.owner.email });
      expect(executed).toHaveLength(1); // before: the session, then its user

      executed.length = 0;
      const first = await rows(datasetId, token, page([{ column: "sensor", op: "eq", value: "s-3" }]));
      expect(first.status).toBe(200);
      expect(JSON.parse(first.text)).toMatchObject({ total: 29, version: 1 });
      // before: 5 (the session and its user; the dataset, its workspace and its version)
      expect(executed).toHaveLength(2);
    },
  );

  it("sends a page of at most UNCOMPRESSED_MAX_BYTES with no-transform (not compressed), a larger one as before", async () => {
    const cast = await createCast();
    const { datasetId: small } = await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
    const wide = ["id,note", ...Array.from({ length: 60 }, (_, i) => `${i},${"x".repeat(400)}${i}`)].join("\n");
    const { datasetId: large } = await createDataset(cast.owner, cast.workspace.id, "notes.csv", wide);
    const token = await signIn(cast.owner.id);

    const smallPage = await rows(small, token, page());
    expect(smallPage.status).toBe(200);
    expect(Buffer.byteLength(smallPage.text)).toBeLessThanOrEqual(UNCOMPRESSED_MAX_BYTES);
    expect(smallPage.cacheControl).toBe("private, no-store, no-transform");

    const largePage = await rows(large, token, { limit: 50, offset: 0, sort: [], filters: [] });
    expect(largePage.status).toBe(200);
    expect(Buffer.byteLength(largePage.text)).toBeGreaterThan(UNCOMPRESSED_MAX_BYTES);
    expect(largePage.cacheControl).toBe("private, no-store");
  });

  it("answers a revoked session on the very next request, and an unknown dataset as 404", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
    const token = await signIn(cast.owner.id);
    expect((await rows(datasetId, token, page())).status).toBe(200);
    expect((await rows("no-such-dataset", token, page())).status).toBe(404);
    await authAdapter().deleteSession!(token);
    expect((await rows(datasetId, token, page())).status).toBe(401);
  });
});
