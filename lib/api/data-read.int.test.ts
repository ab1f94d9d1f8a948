import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as rows from "@/app/api/v1/data/[owner]/[namespace]/[datasetName]/route";
import { createCast, createDataset, prepare, setupCatalogStorage } from "@/lib/catalog/test-support";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { type Db, setDb } from "@/lib/db";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { shareResource } from "@/lib/sharing/share-resource";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";

const { db } = setupTestDatabase();
setupCatalogStorage();

const APP = "http://localhost:3000";
type Params = { owner: string; namespace: string; datasetName: string };

/**
 * The database as the services see it, counting the operations a request sends (each is one round
 * trip). Not the rate limiter's counters: it flushes them in the background, beside requests.
 */
let operations = 0;
beforeEach(() => {
  resetRateLimits();
  setDb(
    db().$extends({
      query: {
        $allOperations({ model, args, query }) {
          if (model !== "Throttle") operations++;
          return query(args);
        },
      },
    }) as unknown as Db,
  );
});
afterEach(() => setDb(db()));

async function read(token: string, params: Params, search = "limit=50") {
  const url = `${APP}/api/v1/data/${params.owner}/${params.namespace}/${params.datasetName}?${search}`;
  const response = await rows.GET(new Request(url, { headers: { Authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const CSV = "city,reading\nOslo,1\nBergen,2\nTromsø,3\n";

describe("GET /api/v1/data/{owner}/{namespace}/{dataset}: the authorized read", () => {
  it("answers the owner's read in two database round trips (the token, then the dataset with its version)", async () => {
    const cast = await createCast();
    await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
    const { token } = await createApiToken(cast.owner.id, { name: "t" });
    const params = { owner: cast.workspace.owner, namespace: cast.workspace.slug, datasetName: "readings" };
    await read(token, params); // the token's first use records "last used" beside the request

    operations = 0;
    const { status, body } = await read(token, params);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      version: 1,
      total: 3,
      data: [
        { city: "Oslo", reading: "1" },
        { city: "Bergen", reading: "2" },
        { city: "Tromsø", reading: "3" },
      ],
    });
    expect(operations).toBe(2);
  });

  it("checks a grantee's grant on every request: the read stops on the very next request after a revoke", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
    const [share] = await shareResource(cast.owner, "dataset", datasetId, {
      grantees: [cast.stranger.username!],
      role: "viewer",
    });
    const { token } = await createApiToken(cast.stranger.id, { name: "t" });
    const params = { owner: cast.workspace.owner, namespace: cast.workspace.slug, datasetName: "readings" };
    await read(token, params);

    operations = 0;
    expect((await read(token, params)).status).toBe(200);
    // token; dataset with version; membership and grants (own and their workspaces') in one statement
    expect(operations).toBe(3);

    await revokeShare(cast.owner, share!.shareId);
    expect(await read(token, params)).toMatchObject({ status: 404, body: { code: "not_found" } });
  });

  it("serves the current version, or the one asked for, and never a version not yet made current", async () => {
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
    const replace = await prepare(cast.owner, cast.workspace.id, "readings.csv", "city,reading\nBodø,4\n", {
      mode: "replace",
      datasetId,
    });
    await commitIngest(cast.owner, replace.id, {});
    const { token } = await createApiToken(cast.owner.id, { name: "t" });
    const params = {
      owner: cast.workspace.owner,
      namespace: cast.workspace.slug.toUpperCase(),
      datasetName: "Readings",
    };

    expect((await read(token, params)).body).toMatchObject({ version: 2, total: 1, data: [{ city: "Bodø" }] });
    expect((await read(token, params, "limit=50&version=1")).body).toMatchObject({ version: 1, total: 3 });
    expect(await read(token, params, "version=9")).toMatchObject({ status: 404, body: { code: "not_found" } });

    // A version row written ahead of the dataset row (an ingest between its two writes) stays unseen.
    const current = await db().datasetVersion.findUniqueOrThrow({
      where: { datasetId_number: { datasetId, number: 2 } },
    });
    await db().datasetVersion.create({
      data: {
        datasetId,
        number: 3,
        kind: current.kind,
        blobKey: current.blobKey,
        columns: current.columns ?? [],
        rowCount: current.rowCount,
        sizeBytes: current.sizeBytes,
      },
    });
    expect((await read(token, params)).body).toMatchObject({ version: 2, data: [{ city: "Bodø" }] });
  });

  it("answers an unknown owner, namespace or dataset and an unreadable one with the same 404", async () => {
    const cast = await createCast();
    await createDataset(cast.owner, cast.workspace.id, "readings.csv", CSV);
    const { token } = await createApiToken(cast.stranger.id, { name: "t" });
    const real = { owner: cast.workspace.owner, namespace: cast.workspace.slug, datasetName: "readings" };
    for (const params of [
      real,
      { ...real, datasetName: "nope" },
      { ...real, namespace: "nope" },
      { ...real, owner: "nope" },
    ]) {
      expect(await read(token, params)).toMatchObject({
        status: 404,
        body: { code: "not_found", error: "Dataset not found" },
      });
    }
  });
});
