import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInThroughMailbox, uniqueEmail } from "./helpers";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("catalog");
const SALES = `/w/${alice.username}/sales/catalog`;

const CITIES = ["Oslo", "Bergen", "Tromsø", "Stavanger"];
const ROWS = 200_000;

/** A CSV big enough to need several upload chunks: one reading per row, four cities in turn. */
function weatherCsv(first: number, count: number): Buffer {
  const lines = ["id,city,temperature,recorded_on"];
  for (let i = first; i < first + count; i++) {
    lines.push(`${i},${CITIES[i % 4]},${(i % 50) - 10}.5,2026-01-${String(1 + (i % 28)).padStart(2, "0")}`);
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

const gridRows = (page: Page) => page.getByRole("table", { name: "Dataset rows" }).locator("tbody tr");
const cell = (page: Page, row: number, column: number) => gridRows(page).nth(row).locator("td").nth(column);

test("alice uploads a CSV, confirms it, sorts, filters and downloads the view, appends a file and views version 1; a stranger gets 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, alice.email);
  await page.goto(SALES);
  await expect(page.getByRole("heading", { name: "Data catalog" })).toBeVisible();
  await page.getByRole("link", { name: "New dataset" }).click();
  await expect(page.getByRole("heading", { name: "New dataset" })).toBeVisible();

  // Slow each chunk down a little so the progress bar can be seen moving, as on a real network.
  await page.route("**/api/uploads/**", async (route) => {
    if (route.request().method() === "PATCH") await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page
    .getByLabel("Choose a file")
    .setInputFiles({ name: "weather-stations.csv", mimeType: "text/csv", buffer: weatherCsv(0, ROWS) });
  const progress = page.getByRole("progressbar", { name: "Uploading weather-stations.csv" });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/\d+% of \d+(\.\d)? MB/)).toBeVisible();

  // The review page: the inferred schema, then name and tags.
  await expect(page.getByRole("heading", { name: "Confirm the new dataset" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Type of column temperature")).toHaveValue("DOUBLE");
  await expect(page.getByLabel("Type of column recorded_on")).toHaveValue("DATE");
  await expect(page.getByText("200,000 rows and 4 columns")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Weather stations");
  await expect(page.getByLabel("URL name")).toHaveValue("weather-stations");
  await page.getByLabel("Tags").fill("weather, e2e");
  await page.getByRole("button", { name: "Create dataset" }).click();

  await expect(page).toHaveURL(new RegExp(`${SALES}/weather-stations$`));
  await expect(page.getByRole("heading", { name: "Weather stations", level: 1 })).toBeVisible();
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 1–50 of 200,000");

  // It is in the catalog, found by a column name.
  await page.goto(`${SALES}?q=recorded_on`);
  const card = page.getByRole("listitem", { name: "Weather stations" });
  await expect(card).toContainText("200,000 rows");
  await expect(card).toContainText("e2e");
  await card.getByRole("link", { name: "Weather stations" }).click();

  // Sort by temperature, descending (second click), then filter on city.
  await page.getByRole("button", { name: /^temperature/ }).click();
  await expect(page.getByRole("columnheader", { name: /temperature/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(cell(page, 0, 2)).toHaveText("-10.5");
  await page.getByRole("button", { name: /^temperature/ }).click();
  await expect(page.getByRole("columnheader", { name: /temperature/ })).toHaveAttribute("aria-sort", "descending");
  await expect(cell(page, 0, 2)).toHaveText("39.5");

  const filter = page.getByRole("form", { name: "Add a filter" });
  await filter.getByLabel("Column").selectOption("city");
  await filter.getByLabel("Condition").selectOption("eq");
  await filter.getByLabel("Value").fill("Bergen");
  await filter.getByRole("button", { name: "Add filter" }).click();
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText('city = "Bergen"');
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 1–50 of 50,000");
  for (let r = 0; r < 5; r++) await expect(cell(page, r, 1)).toHaveText("Bergen");
  await expect(cell(page, 0, 2)).toHaveText("39.5");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 51–100 of 50,000");

  // Download exactly this view.
  await page.locator("summary", { hasText: "Download" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Filtered view as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("weather-stations-v1-filtered.csv");
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("id,city,temperature,recorded_on");
  expect(lines).toHaveLength(50_001);
  const rows = lines.slice(1).map((l) => l.split(","));
  expect(rows.filter((r) => r[1] !== "Bergen")).toEqual([]);
  const temps = rows.map((r) => Number(r[2]));
  expect(temps.every((t, i) => i === 0 || temps[i - 1]! >= t)).toBe(true);
  const datasetId = /\/api\/datasets\/([^/]+)\/download/.exec(download.url())![1]!;

  // Append a second file: a new version after review.
  await page
    .getByLabel("File with rows to add")
    .setInputFiles({ name: "more-readings.csv", mimeType: "text/csv", buffer: weatherCsv(ROWS, 10) });
  await expect(page.getByRole("heading", { name: "Add rows to Weather stations" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("10 rows will be added to the 200,000 of version 1, making 200,010.")).toBeVisible();
  await page.getByRole("button", { name: "Add the rows" }).click();
  await expect(page).toHaveURL(/\/catalog\/weather-stations$/);
  await expect(page.getByText(/version 2 · 200,010 rows/)).toBeVisible();
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 1–50 of 200,010");

  // View version 1.
  await page.getByRole("link", { name: "View version 1" }).click();
  await expect(page).toHaveURL(/\?version=1$/);
  await expect(page.getByText("You are viewing version 1 of 2")).toBeVisible();
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 1–50 of 200,000");

  // A member of another workspace: neither the page nor the data exist for them.
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await signInThroughMailbox(stranger, uniqueEmail("stranger"));
  await expect(stranger).toHaveURL(/\/onboarding/);
  await stranger.getByLabel("Username").fill(`str-${Date.now().toString(36)}`);
  await stranger.getByRole("button", { name: "Continue" }).click();
  await expect(stranger).toHaveURL(/\/personal\/catalog$/);
  for (const url of [`${SALES}/weather-stations`, `${SALES}/weather-stations?version=1`, SALES]) {
    const response = await stranger.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  for (const api of [
    `/api/datasets/${datasetId}/rows`,
    `/api/datasets/${datasetId}/download?format=csv`,
    `/api/datasets/${datasetId}/versions`,
    `/api/datasets/${datasetId}/stats`,
  ]) {
    const response = await stranger.request.get(api);
    expect(response.status(), api).toBe(404);
    expect(await response.json()).toMatchObject({ error: "Dataset not found" });
  }
  await context.close();
});

test("a malformed file gets an error naming the line, and nothing is created", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/new`);
  await page
    .getByLabel("Choose a file")
    .setInputFiles({ name: "ragged.csv", mimeType: "text/csv", buffer: Buffer.from("a,b,c\n1,2,3\n4,5\n") });
  const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(alert).toContainText("ragged.csv could not be used");
  await expect(alert).toContainText("Line 3 has 2 values, but the header (the first line) has 3 columns.");
  await page.goto(`${SALES}?q=ragged`);
  await expect(page.getByText("No datasets match")).toBeVisible();
});

test("an upload can be paused, resumed and cancelled", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/new`);
  // A slow network: each chunk takes a while, so there is time to press the buttons mid-upload.
  await page.route("**/api/uploads/**", async (route) => {
    if (route.request().method() === "PATCH") await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {}); // an aborted chunk is gone by then
  });
  await page
    .getByLabel("Choose a file")
    .setInputFiles({ name: "slow.csv", mimeType: "text/csv", buffer: weatherCsv(0, ROWS) });
  await expect(page.getByRole("progressbar", { name: "Uploading slow.csv" })).toBeVisible();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText(/% of .* \(paused\)/)).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel upload" }).click();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByLabel("Choose a file")).toBeVisible();
  await expect(page).toHaveURL(/\/catalog\/new$/);
  await page.goto(`${SALES}?q=slow`);
  await expect(page.getByText("No datasets match")).toBeVisible();
});

test("a dataset's access link shows it read-only: grid, statistics, versions and downloads work through the link, nothing else does", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/orders-2026`);
  const ordersHref = await page.getByRole("link", { name: "Download version 1 as Parquet" }).getAttribute("href");
  const ordersId = /\/api\/datasets\/([^/]+)\//.exec(ordersHref!)![1]!;

  await page.goto(`${SALES}/sensor-readings`);
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("tab", { name: "Access links" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByTestId("new-link").inputValue();
  expect(url).toMatch(/\/s\//);

  const context = await browser.newContext(); // not signed in
  const visitor = await context.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole("main").getByRole("heading", { name: "Sensor readings", level: 1 })).toBeVisible();
  await expect(visitor.getByTestId("grid-range")).toHaveText("Rows 1–50 of 8,064");
  await expect(visitor.getByRole("button", { name: "Share" })).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  await expect(visitor.getByRole("heading", { name: "Add or replace data" })).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
  await expect(visitor.getByRole("rowheader", { name: "temperature_c" })).toBeVisible(); // statistics load through the link

  await visitor.getByRole("button", { name: /^temperature_c/ }).click();
  await expect(visitor.getByRole("columnheader", { name: /temperature_c/ })).toHaveAttribute("aria-sort", "ascending");
  await visitor.locator("summary", { hasText: "Download" }).click();
  const [download] = await Promise.all([
    visitor.waitForEvent("download"),
    visitor.getByRole("link", { name: "Filtered view as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("sensor-readings-v2-filtered.csv");
  expect(
    fs
      .readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n"),
  ).toHaveLength(8_065);

  await visitor.getByRole("link", { name: "View version 1" }).click();
  await expect(visitor.getByText("You are viewing version 1 of 2")).toBeVisible();
  await expect(visitor.getByTestId("grid-range")).toHaveText("Rows 1–50 of 4,032");

  // The link reaches this dataset only.
  const token = new URL(url).pathname.split("/")[2]!;
  expect((await visitor.request.get(`/api/datasets/${ordersId}/rows?link=${token}`)).status()).toBe(404);
  expect((await visitor.request.get(`/api/datasets/${ordersId}/rows`)).status()).toBe(401);
  await context.close();
});
