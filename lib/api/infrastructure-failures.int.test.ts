import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET as readDataRoute } from "@/app/api/v1/data/[owner]/[namespace]/[datasetName]/route";
import { GET as listWorkspacesRoute, POST as createWorkspaceRoute } from "@/app/api/v1/workspaces/route";
import { setupCatalogStorage, createCast, createDataset } from "@/lib/catalog/test-support";
import { setDb } from "@/lib/db";
import { flushRateLimits, resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { toFailure } from "@/lib/util/result";
import { setupTestDatabase } from "@/test/db";
import { readData } from "./data";
import { rowsQuerySchema } from "./row-params";

const { db, url } = setupTestDatabase();
setupCatalogStorage();

const APP = "http://localhost:3000";
afterEach(() => resetRateLimits());

// These two make SQLite itself refuse writes (query_only, max_page_count); PostgreSQL has no
// per-connection equivalent for a pool, and its disk_full mapping is covered below.
const onSqlite = it.skipIf(process.env.TEST_DB === "postgresql");

/** A body fit for clients: no driver codes, SQL, file paths or host names. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(
    /SQLITE|sqlite|Prisma|prisma|invocation|ENOSPC|\/tmp|\/dev|\.db\b|127\.0\.0\.1|disk is full/,
  );
}

async function alice() {
  const cast = await createCast();
  const { token } = await createApiToken(cast.owner.id, { name: "sync" });
  return { cast, token, headers: { Authorization: `Bearer ${token}` } };
}

describe("bookkeeping writes never fail a read", () => {
  onSqlite(
    "answers a listing while the database refuses every write (token last-used, rate-limit counters)",
    async () => {
      const { headers, cast } = await alice();
      await db().$executeRawUnsafe("PRAGMA query_only = ON");
      try {
        const res = await listWorkspacesRoute(new Request(`${APP}/api/v1/workspaces`, { headers }), {
          params: Promise.resolve({}),
        });
        expect(res.status).toBe(200);
        expect((await res.json()) as { slug: string }[]).toEqual(
          expect.arrayContaining([expect.objectContaining({ slug: cast.workspace.slug })]),
        );
        await expect(flushRateLimits()).resolves.toBeUndefined();
      } finally {
        await db().$executeRawUnsafe("PRAGMA query_only = OFF");
      }
      // Once the database takes writes again, the counts reach the shared counters.
      await flushRateLimits();
      expect(await db().throttle.findUnique({ where: { key: `rate:user:${cast.owner.id}` } })).toMatchObject({
        failures: 1,
      });
    },
  );
});

describe("a full disk", () => {
  onSqlite("answers 507 with a plain message, not a 500 with the database's details", async () => {
    const { headers, cast } = await alice();
    const slug = (i: number) => `fill-${String(i).padStart(6, "0")}`;
    const pages = Number((await db().$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0]!.page_count);
    await db().$executeRawUnsafe(`PRAGMA max_page_count = ${pages + 8}`);
    try {
      // Fill the workspace table until the database has no room for one more row of this size.
      for (let i = 0; ; i++) {
        const full = await db()
          .workspace.create({ data: { ownerId: cast.owner.id, slug: slug(i), name: "Filler" } })
          .then(
            () => false,
            () => true,
          );
        if (full) break;
      }
      const res = await createWorkspaceRoute(
        new Request(`${APP}/api/v1/workspaces`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify({ name: "Filler", slug: "full-000001" }),
        }),
        { params: Promise.resolve({}) },
      );
      const text = await res.text();
      expect(res.status).toBe(507);
      expect(JSON.parse(text)).toEqual({
        code: "insufficient_storage",
        error: expect.stringMatching(/out of storage space/),
      });
      expectNoInternals(text);
    } finally {
      await db().$executeRawUnsafe("PRAGMA max_page_count = 1073741823");
    }
  });

  it("maps a real ENOSPC from the file system and PostgreSQL's disk_full to the same 507", () => {
    let enospc: unknown;
    try {
      fs.writeFileSync("/dev/full", "x");
    } catch (error) {
      enospc = error;
    }
    expect(enospc).toMatchObject({ code: "ENOSPC" });
    // The shape Prisma's PostgreSQL adapter gives a failed write on a full disk.
    const pgFull = Object.assign(
      new Error(
        'Invalid `prisma.dataset.create()` invocation: could not extend file "base/16384/2619": No space left on device',
      ),
      {
        name: "PrismaClientKnownRequestError",
        code: "P2010",
        meta: {
          driverAdapterError: {
            name: "DriverAdapterError",
            cause: { kind: "postgres", code: "53100", severity: "ERROR", message: "could not extend file" },
          },
        },
      },
    );
    for (const error of [enospc, pgFull]) {
      const failure = toFailure(error);
      expect(failure).toMatchObject({ ok: false, code: "insufficient_storage" });
      expectNoInternals(failure.message);
    }
  });
});

describe("a lost database", () => {
  function breakDatabase() {
    // The app pointed at a database file it cannot open (a directory where the file should be).
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-lost-db-"));
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${broken}`;
    setDb(undefined);
    return () => {
      process.env.DATABASE_URL = saved ?? url();
      setDb(db());
      fs.rmSync(broken, { recursive: true, force: true });
    };
  }

  it("makes the data API answer 503 with Retry-After, never 404 'Dataset not found'", async () => {
    const { cast, headers } = await alice();
    await createDataset(cast.owner, cast.workspace.id, "sales.csv", "region,amount\nnorth,1\n", { slug: "sales" });
    const params = { owner: cast.workspace.owner, namespace: cast.workspace.slug, datasetName: "sales" };
    const restore = breakDatabase();
    try {
      const failure = await readData(
        cast.owner,
        params.owner,
        params.namespace,
        params.datasetName,
        rowsQuerySchema.parse({}),
      ).then(
        () => undefined,
        (error: unknown) => toFailure(error),
      );
      expect(failure).toMatchObject({ code: "unavailable", retryAfterSeconds: 10 });

      const res = await readDataRoute(
        new Request(`${APP}/api/v1/data/${params.owner}/${params.namespace}/sales`, { headers }),
        { params: Promise.resolve(params) },
      );
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect(JSON.parse(text)).toMatchObject({ code: "unavailable" });
      expectNoInternals(text);
    } finally {
      restore();
    }
    // And the same request answers again once the database is back.
    const res = await readDataRoute(
      new Request(`${APP}/api/v1/data/${params.owner}/${params.namespace}/sales`, { headers }),
      { params: Promise.resolve(params) },
    );
    expect(res.status).toBe(200);
  });
});
