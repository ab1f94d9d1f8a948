// The production server answers row reads (the token API's) and the browser's JSON reads (the grid's, the file
// browser's) from the build's own route handlers (scripts/direct-routes.mjs). Should a Next upgrade change how a build
// holds them, the server would quietly send those reads through Next again: still correct, but with twice the CPU per
// request. The first test is what notices. The others, like e2e/multi-instance.spec.ts's last test for the token API,
// check that the answers are the same either way; every API and grid test of the suite runs on the direct routes.
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { DIRECT_ROUTES, loadDirectRoutes } from "../scripts/direct-routes.mjs";
import { distDirOf } from "../scripts/build-lock.mjs";
import { COMPARED_HEADERS, type SecondServer, SUITE_PORT, startSecondServer } from "./second-server";
import { demoWorld, signIn } from "./world";

test("the build's directly answered routes load as the server loads them, and answer", async () => {
  const direct = await loadDirectRoutes(distDirOf(path.resolve(".")));
  expect(direct, "scripts/direct-routes.mjs could not load the build's route handlers").not.toBeNull();
  expect(direct!.routes.map((r) => r.params)).toEqual(DIRECT_ROUTES.map((r) => r.params));
  for (const route of direct!.routes) {
    const params = Object.fromEntries(route.params.map((name) => [name, "nobody"]));
    const answer = await route.get(new Request(`http://localhost/api/v1/data/nobody/nobody/nobody`), {
      params: Promise.resolve(params),
    });
    // The route's own wrapper: no token, no session cookie, no link: the API's 401 in its one error shape.
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { code: string }).code).toBe("unauthenticated");
  }
});

// A second server on the suite's database with every request through Next (DIRECT_ROUTES=0): the JSON reads of the
// grid and the file browser, made by a signed-in user, get the same answer from the suite's server, which answers
// them directly.
const { alice } = demoWorld("direct");
// Past the ports other specs take (the exposed server +1, scale-cluster.ts from +2 on, the crash servers +7 and +8).
const VIA_NEXT_PORT = SUITE_PORT + 20;

test.describe("the browser's JSON reads, directly and through Next", () => {
  let viaNext: SecondServer | undefined;

  test.beforeAll(async () => {
    viaNext = await startSecondServer(VIA_NEXT_PORT, { DIRECT_ROUTES: "0" });
  });

  test.afterAll(() => {
    viaNext?.stop();
  });

  /** The session cookie of `page`, signed in as alice. */
  async function aliceCookie(page: Page) {
    await signIn(page, alice.email);
    const session = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
    expect(session, "signed in").toBeTruthy();
    return { Cookie: `next-auth.session-token=${session!.value}` };
  }

  /** Each request to both servers: the same status, headers and bytes; returns the statuses. */
  async function compare(baseURL: string, cases: [string, Record<string, string>][]): Promise<number[]> {
    const statuses: number[] = [];
    for (const [route, headers] of cases) {
      const [next, direct] = await Promise.all([
        fetch(`http://127.0.0.1:${VIA_NEXT_PORT}${route}`, { headers }),
        fetch(`${baseURL}${route}`, { headers }),
      ]);
      const label = `${route} (${Object.keys(headers).join(", ") || "signed out"})`;
      expect(direct.status, label).toBe(next.status);
      statuses.push(direct.status);
      for (const name of COMPARED_HEADERS)
        expect(direct.headers.get(name), `${label}: ${name}`).toBe(next.headers.get(name));
      expect(Buffer.from(await direct.arrayBuffer()).equals(Buffer.from(await next.arrayBuffer())), label).toBe(true);
    }
    return statuses;
  }

  test("the grid's rows and column statistics answer the same: status, headers and bytes", async ({
    page,
    baseURL,
  }) => {
    const cookie = await aliceCookie(page);
    await page.goto(`/w/${alice.username}/sales/catalog/orders-2026`);
    const id = /\/api\/datasets\/([a-z0-9]+)\//.exec(await page.content())?.[1];
    expect(id, "the dataset page links to its own routes").toBeTruthy();
    const gzip = { ...cookie, "Accept-Encoding": "gzip" };
    const query = (q: object) => encodeURIComponent(JSON.stringify(q));
    const sorted = { limit: 5, offset: 0, sort: [{ column: "quantity", direction: "desc" }], filters: [] };
    const statuses = await compare(baseURL!, [
      [`/api/datasets/${id}/rows?query=${query(sorted)}`, cookie],
      [`/api/datasets/${id}/rows?query=${query({ ...sorted, limit: 500 })}`, gzip],
      [`/api/datasets/${id}/rows?query=${query({ limit: "many" })}`, cookie],
      [`/api/datasets/${id}/rows?query=${query(sorted)}`, {}],
      [`/api/datasets/nosuchdataset/rows?query=${query(sorted)}`, cookie],
      [`/api/datasets/${id}/rows?query=${query(sorted)}&link=sl_not_a_link`, cookie],
      [`/api/datasets/${id}/stats`, gzip],
    ]);
    // Each case is the answer it is meant to be (a page, a compressed page, a refused query, signed out, no such
    // dataset, a link that does not open, statistics), not the same refusal seven times.
    expect(statuses).toEqual([200, 200, 422, 401, 404, 404, 200]);
  });

  test("the file browser's folder listing and table preview answer the same", async ({ page, baseURL }) => {
    const cookie = await aliceCookie(page);
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname + new URL(request.url()).search));
    const files = `/w/${alice.username}/personal/files`;
    await page.goto(files);
    await page.locator('[data-testid="entry-row"][data-name="data"]').getByRole("link", { name: "data" }).click();
    await expect(page).toHaveURL(`${files}/data`);
    const csv = page.locator('[data-testid="entry-row"][data-name="customers.csv"]');
    await csv.getByRole("button", { name: "customers.csv", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "customers.csv" })).toBeVisible();
    await expect.poll(() => asked.some((url) => /^\/api\/files\/[^/]+\/table$/.test(url))).toBe(true);
    const listing = asked.find((url) => /^\/api\/folders\/[^/]+\/children\?/.test(url));
    const table = asked.find((url) => /^\/api\/files\/[^/]+\/table$/.test(url))!;
    expect(listing, "the browser asked for a folder's listing").toBeTruthy();
    const folder = /^\/api\/folders\/([^/]+)\//.exec(listing!)![1];
    const statuses = await compare(baseURL!, [
      [listing!, cookie],
      [`/api/folders/${folder}/children?sort=size&dir=desc&limit=1`, { ...cookie, "Accept-Encoding": "gzip" }],
      [`/api/folders/${folder}/children?sort=sideways`, cookie],
      [listing!, {}],
      [table, cookie],
      [table.replace(/files\/[^/]+/, "files/nosuchfile"), cookie],
    ]);
    expect(statuses).toEqual([200, 200, 422, 401, 200, 404]);
  });
});
