import { describe, expect, it } from "vitest";
import {
  GET as getCardRoute,
  PATCH as patchCardRoute,
} from "@/app/api/v1/datasets/[owner]/[namespace]/[datasetName]/card/route";
import { GET as listRevisionsRoute } from "@/app/api/v1/datasets/[owner]/[namespace]/[datasetName]/card/revisions/route";
import { GET as getRevisionRoute } from "@/app/api/v1/datasets/[owner]/[namespace]/[datasetName]/card/revisions/[number]/route";
import type { Actor } from "@/lib/access";
import { ingestRecords } from "@/lib/api/ingest-records";
import { listDatasets } from "@/lib/catalog/list-datasets";
import { restoreVersion } from "@/lib/catalog/restore-version";
import { backfillSearchText } from "@/lib/catalog/search-backfill";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { setupCatalogStorage } from "@/lib/catalog/test-support";
import { updateDataset } from "@/lib/catalog/update-dataset";
import { getDb } from "@/lib/db";
import { discoverDatasets } from "@/lib/requests/discover";
import { shareResource } from "@/lib/sharing/share-resource";
import { pageSharedByMe } from "@/lib/sharing/shared-lists";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { getCardRevision, listCardRevisions } from "./card-revisions";
import { updateDatasetCard } from "./update-card";

setupTestDatabase();
setupCatalogStorage();

let n = 0;
async function person(name: string) {
  const username = `${name}${++n}`;
  const user = await createUser({ email: `${username}@example.com`, username });
  const actor: Actor = { id: user.id, email: user.email, username: user.username };
  const { token } = await createApiToken(user.id, { name: "test" });
  return { actor, username, token };
}

/** An owner with a namespace and an ingested two-column dataset named "Zürich weather". */
async function world(slug = "weather") {
  const owner = await person("owner");
  const ws = await createWorkspace(owner.actor, { name: "Data", slug: "data" });
  const { datasetId } = await ingestRecords(owner.actor, "data", slug, [{ city: "Zürich", temp_c: 3.5 }]);
  await updateDataset(owner.actor, datasetId, { name: "Zürich weather", slug, description: "", tags: [] });
  const path = { owner: owner.username, namespace: "data", datasetName: slug };
  const base = `http://localhost/api/v1/datasets/${owner.username}/data/${slug}/card`;
  const call = (token: string, method: "GET" | "PATCH", body?: unknown) =>
    (method === "GET" ? getCardRoute : patchCardRoute)(
      new Request(base, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve(path) },
    );
  return { owner, ws, datasetId, path, base, call };
}

const search = (actor: Actor, ws: { id: string; slug: string; ownerId: string }, owner: string, q: string) =>
  listDatasets(actor, { ...ws, owner }, { q }).then((page) => page.items.map((d) => d.name));

describe("dataset card", () => {
  it("is written through PATCH, read back through GET, and every change is a revision with who, what and which data version", async () => {
    const { owner, datasetId, path, base, call } = await world();
    const first = await call(owner.token, "PATCH", {
      readme: "# Weather\n\nDaily readings from the **lake station**.",
      license: { kind: "spdx", id: "cc-by-4.0" },
      citation: { format: "bibtex", text: "@misc{weather, title={Weather}}" },
      source: "https://example.org/weather",
      columns: { temp_c: "Air temperature at 2 m, degrees Celsius" },
    });
    expect(first.status).toBe(200);
    const saved = (await first.json()) as { card: Record<string, unknown> };
    expect(saved.card).toMatchObject({
      revision: 1,
      license: {
        kind: "spdx",
        id: "CC-BY-4.0",
        name: "Creative Commons Attribution 4.0 International",
        url: "https://spdx.org/licenses/CC-BY-4.0.html",
      },
      columns: { temp_c: "Air temperature at 2 m, degrees Celsius" },
    });

    const second = await call(owner.token, "PATCH", {
      license: { kind: "other", text: "Station terms of use" },
      baseRevision: 1,
    });
    expect(second.status).toBe(200);
    const read = (await (await call(owner.token, "GET")).json()) as { card: Record<string, unknown> };
    expect(read.card).toMatchObject({
      revision: 2,
      readme: "# Weather\n\nDaily readings from the **lake station**.",
      license: { kind: "other", text: "Station terms of use" },
      source: "https://example.org/weather",
    });

    const auth = { headers: { authorization: `Bearer ${owner.token}` } };
    const history = (await (
      await listRevisionsRoute(new Request(`${base}/revisions`, auth), { params: Promise.resolve(path) })
    ).json()) as { revisions: unknown[] };
    expect(history.revisions).toEqual([
      expect.objectContaining({ number: 2, createdBy: owner.username, changed: ["license"], dataVersion: 1 }),
      expect.objectContaining({
        number: 1,
        createdBy: owner.username,
        changed: ["readme", "license", "citation", "source", "columns"],
        dataVersion: 1,
      }),
    ]);
    const earlier = (await (
      await getRevisionRoute(new Request(`${base}/revisions/1`, auth), {
        params: Promise.resolve({ ...path, number: "1" }),
      })
    ).json()) as { revision: { card: { license: unknown } } };
    expect(earlier.revision.card.license).toMatchObject({ kind: "spdx", id: "CC-BY-4.0" });

    // a save that changes nothing records nothing
    await updateDatasetCard(owner.actor, { id: datasetId }, { source: "https://example.org/weather" });
    expect(await listCardRevisions(owner.actor, { id: datasetId })).toHaveLength(2);
  });

  it("refuses a README over 100 KB, a description over 1,000 characters, an unknown column or license with 422, and saves nothing", async () => {
    const { owner, call, datasetId } = await world();
    const cases: [unknown, string][] = [
      [{ readme: "x".repeat(100 * 1024 + 1) }, "readme"],
      [{ readme: "é".repeat(60 * 1024) }, "readme"], // 120 KB of UTF-8, 60 K characters
      [{ columns: { temp_c: "d".repeat(1001) } }, "columns.temp_c"],
      [{ columns: { nope: "a column that is not there" } }, "columns.nope"],
      [{ license: { kind: "spdx", id: "Made-Up-1.0" } }, "license.id"],
      [{ citation: { format: "apa", text: "x" } }, "citation.format"],
    ];
    for (const [body, field] of cases) {
      const response = await call(owner.token, "PATCH", body);
      expect(response.status, field).toBe(422);
      const failure = (await response.json()) as {
        fields?: Record<string, string>;
        fieldErrors?: Record<string, string>;
      };
      expect(JSON.stringify(failure), field).toContain(field);
    }
    expect((await call(owner.token, "PATCH", { readme: "x".repeat(100 * 1024) })).status).toBe(200);
    expect(await listCardRevisions(owner.actor, { id: datasetId })).toHaveLength(1);
  });

  it("answers a save based on an older revision with 409 instead of overwriting it", async () => {
    const { owner, call } = await world();
    expect((await call(owner.token, "PATCH", { readme: "one", baseRevision: 0 })).status).toBe(200);
    const stale = await call(owner.token, "PATCH", { readme: "two", baseRevision: 0 });
    expect(stale.status).toBe(409);
    expect(((await (await call(owner.token, "GET")).json()) as { card: { readme: string } }).card.readme).toBe("one");
  });

  it("is read-only for a viewer and a view-only grantee, and invisible to an outsider (the same 404 as a missing dataset)", async () => {
    const { owner, datasetId, call } = await world();
    const viewer = await person("viewer");
    const outsider = await person("outsider");
    await shareResource(owner.actor, "dataset", datasetId, { grantees: [viewer.username], role: "viewer" });
    await call(owner.token, "PATCH", { readme: "Hello" });
    expect((await call(viewer.token, "GET")).status).toBe(200);
    expect((await call(viewer.token, "PATCH", { readme: "Mine now" })).status).toBe(403);
    expect((await call(outsider.token, "GET")).status).toBe(404);
    expect((await call(outsider.token, "PATCH", { readme: "x" })).status).toBe(404);
    expect((await getCardRevision(viewer.actor, { id: datasetId }, 1)).card.readme).toBe("Hello");
    // view-only (the grid but no downloads) reads the card and its history too
    const viewOnly = await person("viewonly");
    await shareResource(owner.actor, "dataset", datasetId, { grantees: [viewOnly.username], role: "viewonly" });
    expect((await call(viewOnly.token, "GET")).status).toBe(200);
    expect(await listCardRevisions(viewOnly.actor, { id: datasetId })).toHaveLength(1);
    expect((await call(viewOnly.token, "PATCH", { readme: "x" })).status).toBe(403);
  });

  it("survives new data versions and a restore, and its revisions name the data version they were saved on", async () => {
    const { owner, datasetId, ws } = await world();
    await updateDatasetCard(owner.actor, { id: datasetId }, { readme: "Lake station", columns: { city: "Where" } });
    await ingestRecords(owner.actor, "data", "weather", [{ city: "Basel", temp_c: 4 }]);
    await updateDatasetCard(owner.actor, { id: datasetId }, { source: "Station log" });
    await restoreVersion(owner.actor, datasetId, 1);
    const dataset = await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } });
    expect(dataset.version).toBe(3);
    expect(dataset.card).toMatchObject({ readme: "Lake station", source: "Station log", columns: { city: "Where" } });
    expect((await listCardRevisions(owner.actor, { id: datasetId })).map((r) => r.dataVersion)).toEqual([2, 1]);
    expect(await search(owner.actor, ws, owner.username, "lake")).toEqual(["Zürich weather"]);
  });
});

describe("search ignores accents and case", () => {
  it('finds "Zürich" for "zurich" and "ZURICH", and README words and column descriptions, in the catalog', async () => {
    const { owner, ws, datasetId } = await world();
    await updateDatasetCard(
      owner.actor,
      { id: datasetId },
      {
        readme: "Readings from the Uetliberg antenna",
        columns: { temp_c: "Température de l'air" },
      },
    );
    for (const q of ["zurich", "ZURICH", "zürich", "ZÜRICH weather", "uetliberg", "temperature", "TEMPÉRATURE air"])
      expect(await search(owner.actor, ws, owner.username, q), q).toEqual(["Zürich weather"]);
    expect(await search(owner.actor, ws, owner.username, "zurich geneva")).toEqual([]);
  });

  it("in Discover and in Shared by me", async () => {
    const { owner, datasetId } = await world("zh");
    const visitor = await person("visitor");
    await setDatasetVisibility(owner.actor, datasetId, "listed");
    const found = await discoverDatasets(visitor.actor, { q: "ZURICH" });
    expect(found.items.map((d) => d.name)).toEqual(["Zürich weather"]);
    // a Listed dataset's README is for those who can open it: Discover does not search it
    await updateDatasetCard(owner.actor, { id: datasetId }, { readme: "Uetliberg antenna" });
    expect((await discoverDatasets(visitor.actor, { q: "uetliberg" })).items).toEqual([]);
    await shareResource(owner.actor, "dataset", datasetId, { grantees: [visitor.username], role: "viewer" });
    for (const q of ["zurich", "Zürich", "ZÜRICH"]) {
      const shared = await pageSharedByMe(owner.actor, { q }, 10);
      expect(shared.items.length, q).toBe(1);
    }
  });

  it("finds a row stored before folding once the backfill has run, which is idempotent and keeps its update time", async () => {
    const { owner, ws, datasetId } = await world();
    // as the old code stored it: lowercased, not folded
    await getDb().dataset.update({
      where: { id: datasetId },
      data: { searchText: "zürich weather\nweather\n\n\ncity temp_c", searchFolding: 0 },
    });
    const before = await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } });
    expect(await search(owner.actor, ws, owner.username, "zurich")).toEqual([]);
    expect(await backfillSearchText(getDb())).toBeGreaterThanOrEqual(1);
    expect(await search(owner.actor, ws, owner.username, "zurich")).toEqual(["Zürich weather"]);
    expect(await backfillSearchText(getDb())).toBe(0);
    const after = await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } });
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
  });
});
