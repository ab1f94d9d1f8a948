// View-only through the real route handlers: every path that hands out a dataset's or a file's
// bytes answers 403 to a view-only grantee and to a view-only link's visitor, and 200 to a viewer;
// the paths that show data (grid rows, statistics, versions, listings, previews) answer 200 to
// both. A new download route goes into DOWNLOADS below.
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as datasetDownload } from "@/app/api/datasets/[id]/download/route";
import { GET as datasetRows } from "@/app/api/datasets/[id]/rows/route";
import { GET as datasetStats } from "@/app/api/datasets/[id]/stats/route";
import { GET as datasetVersions } from "@/app/api/datasets/[id]/versions/route";
import { GET as fileDownload } from "@/app/api/files/[id]/download/route";
import { GET as fileTable } from "@/app/api/files/[id]/table/route";
import { GET as folderChildren } from "@/app/api/folders/[id]/children/route";
import { GET as folderZip } from "@/app/api/folders/[id]/zip/route";
import { GET as v1Data } from "@/app/api/v1/data/[owner]/[namespace]/[datasetName]/route";
import { GET as v1FileContent } from "@/app/api/v1/files/[fileId]/content/route";
import type { Actor } from "@/lib/access";
import type { SessionUser } from "@/lib/auth/session";
import { VIEW_ONLY_PAGE_SIZE, VIEW_ONLY_ROW_WINDOW } from "@/lib/access";
import { encodeCursor } from "@/lib/catalog/query-sql";
import { createCast, createDataset, setupCatalogStorage } from "@/lib/catalog/test-support";
import { createFolder } from "@/lib/files/create-folder";
import { getRootFolder } from "@/lib/files/root-folder";
import { storeFile } from "@/lib/files/store-file";
import { createAccessLink } from "@/lib/links/manage-links";
import { shareResource } from "@/lib/sharing/share-resource";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { setupTestDatabase } from "@/test/db";

setupTestDatabase();
setupCatalogStorage();

// The browser routes' session lookup (requestSessionUser) answers with the caller's real user, without a session row
// and cookie per test (REST routes use the real token).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/request-session", () => ({ requestSessionUser: async () => session.user }));
beforeEach(() => resetRateLimits());

const APP = "http://localhost:3000";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler has its own params type
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
/** A signed-in user (session for browser routes, API token for REST), or a link's visitor. */
type Who = { user?: Actor; token?: string; link?: string };

async function call(handler: Handler, path: string, params: Record<string, string>, who: Who): Promise<Response> {
  const url = new URL(`${APP}${path}`);
  if (who.link) url.searchParams.set("link", who.link);
  session.user = who.user ? { ...who.user, name: null } : null;
  const request = new Request(url, { headers: who.token ? { Authorization: `Bearer ${who.token}` } : {} });
  const response = await handler(request, { params: Promise.resolve(params) });
  await response.arrayBuffer();
  return response;
}

const ROWS = 1200;
const csv = ["id,name", ...Array.from({ length: ROWS }, (_, i) => `${i + 1},row ${i + 1}`)].join("\n");

async function put(owner: Actor, folderId: string, name: string, content: string) {
  const stored = await storeFile(
    owner,
    { folderId, segments: [name], onClash: "keep-both" },
    { stream: Readable.from([Buffer.from(content)]) },
  );
  if (stored.status === "skipped") throw new Error("not stored");
  return stored.id;
}

/**
 * alice's workspace with a 1,200-row dataset and a folder of files; viewer holds "viewer" grants,
 * viewOnly "viewonly" grants on both; two links per resource, with and without downloads.
 */
async function world() {
  const cast = await createCast();
  const alice = cast.owner;
  const [viewer, viewOnly] = [await cast.extraUser("vie"), await cast.extraUser("von")];
  const { datasetId } = await createDataset(alice, cast.workspace.id, "orders.csv", csv);
  const dataset = { id: datasetId };
  const root = await getRootFolder(cast.workspace.id);
  const folder = await createFolder(alice, { parentId: root.id, name: "reports" });
  const text = await put(alice, folder.id, "notes.txt", "hello");
  const binary = await put(alice, folder.id, "model.bin", "\u0000\u0001binary");
  const table = await put(alice, folder.id, "small.csv", "a,b\n1,2\n");
  for (const [who, role] of [
    [viewer, "viewer"],
    [viewOnly, "viewonly"],
  ] as const) {
    await shareResource(alice, "dataset", dataset.id, { grantees: [who.username!], role });
    await shareResource(alice, "folder", folder.id, { grantees: [who.username!], role });
  }
  const link = async (resourceType: "dataset" | "folder", resourceId: string, allowDownload: boolean) =>
    (await createAccessLink(alice, { resourceType, resourceId, allowDownload })).token;
  const token = async (user: Actor) => (await createApiToken(user.id, { name: "test" })).token;
  return {
    ids: { dataset: dataset.id, folder: folder.id, text, binary, table },
    name: { owner: cast.workspace.owner, namespace: cast.workspace.slug, datasetName: "orders" },
    viewer: { user: viewer, token: await token(viewer) },
    viewOnly: { user: viewOnly, token: await token(viewOnly) },
    datasetLinks: {
      download: await link("dataset", dataset.id, true),
      viewOnly: await link("dataset", dataset.id, false),
    },
    folderLinks: { download: await link("folder", folder.id, true), viewOnly: await link("folder", folder.id, false) },
  };
}
type World = Awaited<ReturnType<typeof world>>;
type Route = { name: string; handler: Handler; path: (w: World) => string; params: (w: World) => object };

const dataset = (w: World) => ({ id: w.ids.dataset });
const v1 = (w: World) => `/api/v1/data/${w.name.owner}/${w.name.namespace}/${w.name.datasetName}`;

/** Every path that hands out bytes: 403 for view-only, 200 for a viewer. */
const DOWNLOADS: Route[] = [
  ...["csv", "jsonl", "parquet"].map((format) => ({
    name: `dataset export as ${format}`,
    handler: datasetDownload,
    path: (w: World) => `/api/datasets/${w.ids.dataset}/download?format=${format}`,
    params: dataset,
  })),
  {
    name: "dataset export of a filtered view",
    handler: datasetDownload,
    path: (w) =>
      `/api/datasets/${w.ids.dataset}/download?format=csv&query=${encodeURIComponent(JSON.stringify({ sort: [{ column: "id", direction: "desc" }] }))}`,
    params: dataset,
  },
  {
    name: "an earlier version's Parquet",
    handler: datasetDownload,
    path: (w) => `/api/datasets/${w.ids.dataset}/download?format=parquet&version=1`,
    params: dataset,
  },
  ...["csv", "jsonl", "parquet"].map((format) => ({
    name: `REST /data as ${format}`,
    handler: v1Data as Handler,
    path: (w: World) => `${v1(w)}?format=${format}`,
    params: (w: World) => w.name,
  })),
  {
    name: "REST /files/{id}/content",
    handler: v1FileContent as Handler,
    path: (w) => `/api/v1/files/${w.ids.text}/content`,
    params: (w) => ({ fileId: w.ids.text }),
  },
  {
    name: "file download",
    handler: fileDownload,
    path: (w) => `/api/files/${w.ids.text}/download`,
    params: (w) => ({ id: w.ids.text }),
  },
  {
    name: "inline bytes of a file without a preview",
    handler: fileDownload,
    path: (w) => `/api/files/${w.ids.binary}/download?inline=1`,
    params: (w) => ({ id: w.ids.binary }),
  },
  {
    name: "inline bytes of a table file (its preview is the table route)",
    handler: fileDownload,
    path: (w) => `/api/files/${w.ids.table}/download?inline=1`,
    params: (w) => ({ id: w.ids.table }),
  },
  {
    name: "folder ZIP",
    handler: folderZip,
    path: (w) => `/api/folders/${w.ids.folder}/zip`,
    params: (w) => ({ id: w.ids.folder }),
  },
];

/** What the grid, statistics and previews call: 200 for view-only too. */
const VIEWS: Route[] = [
  {
    name: "grid rows",
    handler: datasetRows,
    path: (w) => `/api/datasets/${w.ids.dataset}/rows`,
    params: dataset,
  },
  {
    name: "column statistics",
    handler: datasetStats,
    path: (w) => `/api/datasets/${w.ids.dataset}/stats`,
    params: dataset,
  },
  {
    name: "versions",
    handler: datasetVersions,
    path: (w) => `/api/datasets/${w.ids.dataset}/versions`,
    params: dataset,
  },
  { name: "REST /data JSON page", handler: v1Data as Handler, path: (w) => v1(w), params: (w) => w.name },
  {
    name: "folder listing",
    handler: folderChildren,
    path: (w) => `/api/folders/${w.ids.folder}/children`,
    params: (w) => ({ id: w.ids.folder }),
  },
  {
    name: "table preview of a CSV file",
    handler: fileTable,
    path: (w) => `/api/files/${w.ids.table}/table`,
    params: (w) => ({ id: w.ids.table }),
  },
  {
    name: "inline preview of a text file",
    handler: fileDownload,
    path: (w) => `/api/files/${w.ids.text}/download?inline=1`,
    params: (w) => ({ id: w.ids.text }),
  },
];

/** The routes a link page calls (with ?link=): the REST API takes tokens only, so it is not among them. */
const viaLink = (r: Route) => !r.name.startsWith("REST");
const linkFor = (w: World, r: Route, allowDownload: boolean) => {
  const links = r.path(w).includes("/datasets/") ? w.datasetLinks : w.folderLinks;
  return allowDownload ? links.download : links.viewOnly;
};

describe("view-only on every download route", () => {
  it("answers 403 to view-only grantees and links, 200 to viewers and download links", async () => {
    const w = await world();
    const got: string[] = [];
    const want: string[] = [];
    for (const route of DOWNLOADS) {
      const at = (who: Who) => call(route.handler, route.path(w), route.params(w) as Record<string, string>, who);
      got.push(`${route.name}: viewer ${(await at(w.viewer)).status}, view-only ${(await at(w.viewOnly)).status}`);
      want.push(`${route.name}: viewer 200, view-only 403`);
      if (viaLink(route)) {
        const withDownloads = (await at({ link: linkFor(w, route, true) })).status;
        const viewOnlyLink = (await at({ link: linkFor(w, route, false) })).status;
        got.push(`${route.name} via link: download link ${withDownloads}, view-only link ${viewOnlyLink}`);
        want.push(`${route.name} via link: download link 200, view-only link 403`);
      }
    }
    expect(got).toEqual(want);
  }, 120_000);

  it("says why in the 403: the caller can view but not download", async () => {
    const w = await world();
    session.user = { ...w.viewOnly.user, name: null };
    const request = new Request(`${APP}/api/files/${w.ids.text}/download`, {
      headers: { Authorization: `Bearer ${w.viewOnly.token}` },
    });
    const response = await fileDownload(request, { params: Promise.resolve({ id: w.ids.text }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden", error: "You can view this but not download it." });
  });

  it("answers 200 on the grid, statistics, versions, listings and previews for both", async () => {
    const w = await world();
    const got: string[] = [];
    const want: string[] = [];
    for (const route of VIEWS) {
      const at = (who: Who) => call(route.handler, route.path(w), route.params(w) as Record<string, string>, who);
      got.push(`${route.name}: viewer ${(await at(w.viewer)).status}, view-only ${(await at(w.viewOnly)).status}`);
      want.push(`${route.name}: viewer 200, view-only 200`);
      if (viaLink(route)) {
        got.push(`${route.name} via view-only link: ${(await at({ link: linkFor(w, route, false) })).status}`);
        want.push(`${route.name} via view-only link: 200`);
      }
    }
    expect(got).toEqual(want);
  }, 120_000);
});

describe("view-only row paging", () => {
  const page = async (w: World, who: Who, query: string) => {
    const response = await v1Data(
      new Request(`${APP}${v1(w)}?${query}`, { headers: { Authorization: `Bearer ${who.token}` } }),
      {
        params: Promise.resolve(w.name),
      },
    );
    return { status: response.status, body: await response.json() };
  };

  it("caps a view-only page at the grid's page size and paging at the row window; a viewer pages freely", async () => {
    const w = await world();
    const big = await page(w, w.viewOnly, "limit=500");
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ limit: VIEW_ONLY_PAGE_SIZE, rowWindow: VIEW_ONLY_ROW_WINDOW, total: ROWS });
    expect(big.body.data).toHaveLength(VIEW_ONLY_PAGE_SIZE);

    // Following nextCursor ends at the window: the rows beyond it cannot be reached by paging.
    let cursor: string | null = big.body.nextCursor;
    let seen = big.body.data.length;
    while (cursor) {
      const next = await page(w, w.viewOnly, `limit=500&cursor=${encodeURIComponent(cursor)}`);
      expect(next.status).toBe(200);
      seen += next.body.data.length;
      cursor = next.body.nextCursor;
    }
    expect(seen).toBe(VIEW_ONLY_ROW_WINDOW);

    const beyond = await page(w, w.viewOnly, `cursor=${encodeCursor(VIEW_ONLY_ROW_WINDOW)}`);
    expect(beyond.status).toBe(403);
    expect(beyond.body.error).toMatch(/first 1000 rows/);

    const viewer = await page(w, w.viewer, `limit=500&cursor=${encodeCursor(VIEW_ONLY_ROW_WINDOW)}`);
    expect(viewer.status).toBe(200);
    expect(viewer.body).toMatchObject({ limit: 500, rowWindow: null });
    expect(viewer.body.data).toHaveLength(ROWS - VIEW_ONLY_ROW_WINDOW);
  }, 120_000);
});
