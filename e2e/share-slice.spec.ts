import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { openShareDialog, uniqueEmail } from "./helpers";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("slice");
const ORDERS = `/w/${alice.username}/sales/catalog/orders-2026`;
const WORDS = "rows where region = North; 7 of 8 columns";

test("alice shares orders where region = North without customer_id with carol; carol's grid, CSV and API rows are that slice", async ({
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
});
