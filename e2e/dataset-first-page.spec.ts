import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccessLink } from "./helpers";
import { demoWorld, signIn } from "./world";

// The dataset page arrives with its first page of rows and its column profile already in the HTML:
// no script has to run, and the browser does not ask again for what the page already shows.
const { alice } = demoWorld("firstpage");
const READINGS = `/w/${alice.username}/sales/catalog/sensor-readings`;
const VIEW = "?sort=temperature_c:desc&f.eq.site=Bergen+warehouse&page=2&size=25";

const grid = (page: Page) => page.getByRole("table", { name: "Dataset rows" });

/** A page in a context without JavaScript, signed in as `email` when given. */
async function pageWithoutScripts(browser: Browser, email?: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page;
}

/** What the server-rendered grid shows for VIEW: the second page of 25 Bergen rows, warmest first. */
async function expectTheViewWithoutScripts(page: Page) {
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 26–50 of 4,032");
  await expect(grid(page).locator("tbody tr")).toHaveCount(25);
  await expect(page.getByText("Loading rows…")).toHaveCount(0);
  const sites = await grid(page).locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(new Set(sites)).toEqual(new Set(["Bergen warehouse"]));
  const temperatures = (await grid(page).locator("tbody tr td:nth-child(4)").allInnerTexts()).map(Number);
  expect(temperatures).toEqual([...temperatures].sort((a, b) => b - a));
  // The column profile is there too.
  await expect(page.getByRole("rowheader", { name: "temperature_c" })).toBeVisible();
  await expect(page.getByText("Loading the column profile…")).toHaveCount(0);
}

test("the dataset page's HTML holds the grid's first page for the URL's view and the column profile, without JavaScript", async ({
  browser,
}) => {
  const page = await pageWithoutScripts(browser, alice.email);
  await page.goto(READINGS + VIEW);
  await expectTheViewWithoutScripts(page);
  await page.context().close();
});

test("on first view the browser asks for no rows and no profile; the grid then pages and sorts from the browser", async ({
  page,
}) => {
  await signIn(page, alice.email);
  const dataRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/datasets\/[^/]+\/(rows|stats)/.test(request.url())) dataRequests.push(request.url());
  });
  await page.goto(READINGS + VIEW);
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 26–50 of 4,032");
  await expect(page.getByRole("rowheader", { name: "temperature_c" })).toBeVisible();
  // Once every script has run (the old grid asked for both here), still nothing was asked for.
  await page.waitForLoadState("networkidle");
  expect(dataRequests).toEqual([]);

  const [request] = await Promise.all([
    page.waitForRequest(/\/api\/datasets\/[^/]+\/rows/),
    page.getByRole("button", { name: "Next page" }).click(),
  ]);
  expect(JSON.parse(new URL(request.url()).searchParams.get("query")!)).toMatchObject({ offset: 50, limit: 25 });
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 51–75 of 4,032");
});

test("an access link's dataset page holds the grid's first page and the profile without JavaScript", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  const { path } = await createAccessLink(page, READINGS, "Share", "first page");
  const visitor = await pageWithoutScripts(browser);
  await visitor.goto(path + VIEW);
  await expectTheViewWithoutScripts(visitor);
  await visitor.context().close();
});
