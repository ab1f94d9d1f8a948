// "Totals only" (issue 19 point 2): alice grants carol totals-only access to orders; carol sees the
// dataset's card and columns and a Summarise panel, gets totals per region, is refused a grouping
// with a group under the minimum size, and reaches no rows anywhere (page, browser routes, REST).
import { expect, test } from "@playwright/test";
import { demoWorld, signIn, signedInPage } from "./world";

// bob stands in for the carol: he is not in alice's personal workspace.
const { alice, bob: carol } = demoWorld("aggrole");

test.describe.configure({ timeout: 180_000 });

const REGIONS = ["North", "South", "East", "West"];

test("alice grants carol Totals only on orders: totals per region, a small group refused, no rows anywhere", async ({
  page,
  browser,
}) => {
  const name = `orders-${Date.now().toString(36)}`;
  // 120 orders: 30 per region, 40 customers with 3 orders each
  const rows = Array.from({ length: 120 }, (_, i) => ({
    order_id: i + 1,
    region: REGIONS[i % 4],
    customer_id: (i % 40) + 1,
    amount: i + 1,
  }));
  await signIn(page, alice.email);
  const created = await page.request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: rows,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { datasetId } = (await created.json()) as { datasetId: string };
  const url = `/w/${alice.username}/personal/catalog/${name}`;

  // alice: Share → carol → "Totals only", which shows what it gives and the minimum group size (default 10)
  await page.goto(url);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  const people = dialog.getByLabel("People or e-mail addresses");
  await people.fill(carol.username);
  await people.press("Enter");
  await expect(dialog.getByTestId("totals-only-settings")).toHaveCount(0);
  await dialog.getByLabel("Role", { exact: true }).selectOption({ label: "Totals only" });
  const settings = dialog.getByTestId("totals-only-settings");
  await expect(settings).toContainText("never see rows");
  await expect(settings.getByLabel("Minimum group size")).toHaveValue("10");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByLabel(`Role of ${carol.username}`)).toHaveValue("aggregate");
  // the access list says what the grant gives: totals, and the minimum group size
  await expect(dialog.getByTestId("access-row").filter({ hasText: carol.username })).toContainText(
    "Totals only, groups of at least 10 rows",
  );

  // carol: the card and the columns, no grid, no statistics, no versions, no download
  const carolPage = await signedInPage(browser, carol.email);
  await carolPage.goto(url);
  await expect(carolPage.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(carolPage.getByText("Totals only", { exact: true })).toBeVisible();
  await expect(carolPage.getByTestId("totals-schema")).toContainText("customer_id");
  await expect(carolPage.getByRole("table", { name: "Dataset rows" })).toHaveCount(0);
  await expect(carolPage.getByRole("region", { name: "Schema and column statistics" })).toHaveCount(0);
  await expect(carolPage.getByRole("link", { name: /^Download/ })).toHaveCount(0);
  await expect(carolPage.getByRole("button", { name: /^Download/ })).toHaveCount(0);

  // totals per region
  const panel = carolPage.getByTestId("summarise-panel");
  await expect(panel).toContainText("Every group must have at least 10 rows.");
  await panel.getByLabel("Group by column 1").selectOption("region");
  await panel.getByRole("button", { name: "Add a measure" }).click();
  await panel.getByLabel("Measure 2").selectOption("sum");
  await panel.getByLabel("Column of measure 2").selectOption("amount");
  await panel.getByRole("button", { name: "Summarise" }).click();
  const table = panel.getByTestId("summary-table");
  await expect(table.getByRole("columnheader")).toHaveText(["region", "count", "sum(amount)"]);
  await expect(panel.getByTestId("summary-row")).toHaveCount(4);
  // East: orders 3, 7, …, 119 → 30 orders, amounts summing to 1,830
  await expect(panel.getByTestId("summary-row").first()).toHaveText(/East\s*30\s*1,830/);

  // by region and customer, every group has 3 orders: refused as a whole
  await panel.getByLabel("Group by column 2").selectOption("customer_id");
  await panel.getByRole("button", { name: "Summarise" }).click();
  await expect(panel.getByRole("alert")).toHaveText(
    "A group would have fewer than 10 rows; group by fewer columns or widen the filter.",
  );
  await expect(panel.getByTestId("summary-table")).toHaveCount(0);

  // a filter cannot isolate rows either: one customer's total is refused
  await panel.getByLabel("Group by column 2").selectOption("");
  await panel.getByLabel("Group by column 1").selectOption("");
  await panel.getByRole("button", { name: "Add a filter" }).click();
  await panel.getByLabel("Filter 1 column").selectOption("customer_id");
  await panel.getByLabel("Filter 1 value").fill("7");
  await panel.getByRole("button", { name: "Summarise" }).click();
  await expect(panel.getByRole("alert")).toContainText("fewer than 10 rows");

  // no rows through any route, in the browser or the REST API
  for (const path of [
    `/api/datasets/${datasetId}/rows`,
    `/api/datasets/${datasetId}/stats`,
    `/api/datasets/${datasetId}/versions`,
    `/api/datasets/${datasetId}/download?format=csv`,
  ]) {
    const response = await carolPage.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("North");
  }
  const restRows = await carolPage.request.get(`/api/v1/data/${alice.username}/personal/${name}`, {
    headers: { Authorization: `Bearer ${carol.token}` },
  });
  expect(restRows.status()).toBe(404);
  const restSummary = await carolPage.request.post(`/api/v1/datasets/${alice.username}/personal/${name}/summary`, {
    headers: { Authorization: `Bearer ${carol.token}` },
    data: { groupBy: ["region"], measures: [{ fn: "count" }] },
  });
  expect(restSummary.status(), await restSummary.text()).toBe(200);
  expect(((await restSummary.json()) as { rows: unknown[] }).rows).toEqual([
    ["East", 30],
    ["North", 30],
    ["South", 30],
    ["West", 30],
  ]);
  await carolPage.context().close();
});
