import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openShareDialog, uniqueEmail } from "./helpers";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("slice");
const ORDERS = `/w/${alice.username}/sales/catalog/orders-2026`;
const WORDS = "rows where region = North; 7 of 8 columns";

/** The console's error box (not Next's route announcer, also a role="alert"). */
const queryError = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

/** Replaces the SQL console's text and runs it with Ctrl/Cmd+Enter. */
async function runSql(page: Page, sql: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(sql);
  await page.keyboard.press("ControlOrMeta+Enter");
}

test("alice shares orders where region = North without customer_id with carol; carol's grid, CSV, API rows and SQL console are that slice", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const carol = uniqueEmail("carol");
  await signIn(page, alice.email);
  const dialog = await openShareDialog(page, ORDERS);
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill(carol);
  await input.press("Enter");

  // Share a slice…: the grid's filter bar and a column choice, with a live preview
  await dialog.getByRole("button", { name: "Share a slice…" }).click();
  const picker = dialog.getByTestId("slice-picker");
  await picker.getByLabel("Column").selectOption("region");
  await picker.getByLabel("Condition").selectOption("eq");
  await picker.getByLabel("Value").fill("North");
  await picker.getByRole("button", { name: "Add filter" }).click();
  await picker.getByRole("checkbox", { name: "customer_id" }).uncheck();
  const preview = picker.getByTestId("slice-preview");
  await expect(preview).toContainText(`They will see ${WORDS}: 1,250 rows`);
  await expect(preview.getByRole("columnheader", { name: "customer_id" })).toHaveCount(0);
  await expect(preview.getByRole("cell", { name: "South" })).toHaveCount(0);
  await expect(preview.getByRole("cell", { name: "North" }).first()).toBeVisible();

  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  const row = dialog.getByTestId("access-row").filter({ hasText: carol });
  await expect(row).toContainText(`only ${WORDS}`);
  await page.keyboard.press("Escape");

  // Shared by me shows the slice in words too
  await page.goto("/shared/by-me");
  await expect(page.getByRole("row").filter({ hasText: carol })).toContainText(`only ${WORDS}`);

  // carol accepts the invitation and opens the dataset: the grid is the slice
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/mailbox?to=${encodeURIComponent(carol)}`);
  await visitor
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /\/invite\/share\// })
    .click();
  await visitor.getByRole("button", { name: "Accept and open" }).click();
  await visitor.getByLabel("Username").fill(`carol${Date.now().toString(36)}`);
  await visitor.getByRole("button", { name: /Continue|Save|Create/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`${ORDERS}$`));
  const grid = visitor.getByRole("table", { name: "Dataset rows" });
  await expect(visitor.getByTestId("grid-range")).toContainText("of 1,250");
  await expect(grid.getByRole("columnheader", { name: /region/ })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /customer_id/ })).toHaveCount(0);
  await expect(grid.getByRole("cell", { name: "South", exact: true })).toHaveCount(0);
  await expect(grid.getByRole("cell", { name: "North", exact: true }).first()).toBeVisible();

  // the CSV download holds the slice and nothing else
  await visitor.locator("summary", { hasText: "Download" }).click();
  const [download] = await Promise.all([
    visitor.waitForEvent("download"),
    visitor.getByRole("link", { name: "All rows as CSV" }).click(),
  ]);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("order_id,order_date,region,product,quantity,unit_price,shipped");
  expect(lines).toHaveLength(1251);
  expect(lines.slice(1).filter((l) => l.split(",")[2] !== "North")).toEqual([]);

  // the rows API agrees, and a hidden column is unknown there
  const datasetId = /\/api\/datasets\/([^/]+)\/download/.exec(download.url())![1]!;
  const rows = await visitor.request.get(
    `/api/datasets/${datasetId}/rows?${new URLSearchParams({ query: JSON.stringify({ limit: 1000 }) })}`,
  );
  expect(rows.status()).toBe(200);
  const body = (await rows.json()) as { columns: { name: string }[]; rows: string[][]; total: number };
  expect(body.total).toBe(1250);
  expect(body.columns.map((c) => c.name)).not.toContain("customer_id");
  expect(body.rows.every((r) => r[2] === "North")).toBe(true);
  const hidden = await visitor.request.get(
    `/api/datasets/${datasetId}/rows?${new URLSearchParams({ query: JSON.stringify({ columns: ["customer_id"] }) })}`,
  );
  expect(hidden.status()).toBe(422);
  expect(await hidden.json()).toMatchObject({ error: 'Unknown column "customer_id".' });

  // the REST API with a token carol creates: the same 1,250 rows, without the column
  await visitor.goto("/account");
  await visitor.getByLabel("Token name").fill("slice check");
  await visitor.getByRole("button", { name: "Create token" }).click();
  const token = (await visitor.getByTestId("new-token").textContent())!.trim();
  const api = await visitor.request.get(`/api/v1/data/${alice.username}/sales/orders-2026?limit=1000`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(api.status(), await api.text()).toBe(200);
  const data = (await api.json()) as { columns: { name: string }[]; data: Record<string, unknown>[]; total: number };
  expect(data.total).toBe(1250);
  expect(data.columns.map((c) => c.name)).toEqual(lines[0]!.split(","));
  expect(data.data.filter((r) => r.region !== "North")).toEqual([]);
  expect(data.data.some((r) => "customer_id" in r)).toBe(false);

  // the SQL console: one region, and the hidden column is as unknown as a column that never existed
  await visitor.goto("/sql");
  await expect(visitor.getByRole("heading", { name: "SQL console" })).toBeVisible();
  const ref = `"${alice.username}/sales/orders-2026"`;
  await runSql(visitor, `SELECT region, count(*) AS n FROM ${ref} GROUP BY region ORDER BY region`);
  const result = visitor.getByRole("table", { name: "Query result" });
  await expect(result.getByRole("row")).toHaveCount(2);
  await expect(result.getByRole("row").nth(1)).toContainText("North");
  await expect(result.getByRole("row").nth(1)).toContainText("1250");
  // DuckDB suggests the visible columns closest to the name asked, so only the sentence is compared
  const notFound = async (column: string) => {
    await runSql(visitor, `SELECT ${column} FROM ${ref}`);
    await expect(queryError(visitor)).toContainText(`"${column}" not found`);
    const text = (await queryError(visitor).textContent())!;
    const [sentence = "", candidates = ""] = text.split("Candidate bindings");
    expect(candidates.split("LINE")[0]).not.toContain("customer_id");
    return sentence.replaceAll(column, "?");
  };
  expect(await notFound("customer_id")).toBe(await notFound("zzzzzzzzzzz"));
});

test("alice makes an access link limited to North without customer_id; opened anonymously, its grid is that slice", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const label = `north-${Date.now().toString(36)}`;
  await signIn(page, alice.email);
  const dialog = await openShareDialog(page, ORDERS);
  await dialog.getByRole("tab", { name: "Access links" }).click();
  const panel = dialog.getByRole("tabpanel", { name: "Access links" });
  await panel.getByLabel("Label (optional)").fill(label);
  await panel.getByRole("button", { name: "Share a slice…" }).click();
  const picker = panel.getByTestId("slice-picker");
  await picker.getByLabel("Column").selectOption("region");
  await picker.getByLabel("Condition").selectOption("eq");
  await picker.getByLabel("Value").fill("North");
  await picker.getByRole("button", { name: "Add filter" }).click();
  await picker.getByRole("checkbox", { name: "customer_id" }).uncheck();
  await expect(picker.getByTestId("slice-preview")).toContainText(`They will see ${WORDS}: 1,250 rows`);
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = await panel.getByTestId("new-link").inputValue();
  // the link list says what the link shows, in words
  await expect(panel.getByTestId("link-row").filter({ hasText: label })).toContainText(`only ${WORDS}`);

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(new URL(url).pathname);
  const grid = anonymous.getByRole("table", { name: "Dataset rows" });
  await expect(anonymous.getByTestId("grid-range")).toContainText("of 1,250");
  await expect(grid.getByRole("columnheader", { name: /region/ })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /customer_id/ })).toHaveCount(0);
  await expect(grid.getByRole("cell", { name: "South", exact: true })).toHaveCount(0);
  await expect(grid.getByRole("cell", { name: "North", exact: true }).first()).toBeVisible();
});
