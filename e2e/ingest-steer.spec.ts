import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

// Issue 17.4: the review of an upload can change how the file is read and shows what an append adds.
const { alice } = demoWorld("steer");
const SALES = `/w/${alice.username}/sales/catalog`;

test.describe.configure({ timeout: 180_000 });

test("at review, a type override that does not fit is refused naming the value, another is applied, a column renamed and the delimiter re-read", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/new`);
  await page.getByLabel("Choose a file").setInputFiles({
    name: "steer-orders.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("id;qty;price\n1;1;2.5\n2;3;4\n3;2.5;1\n"),
  });
  await expect(page.getByRole("heading", { name: "Confirm the new dataset" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Delimiter")).toHaveValue(";");
  await expect(page.getByLabel("Type of column qty")).toHaveValue("DOUBLE");

  // A type the data does not fit: refused with the column, the row and the value; nothing is lost.
  await page.getByLabel("Type of column qty").selectOption("BIGINT");
  await expect(page.getByTestId("steer-error")).toContainText(
    'Column "qty" cannot be BIGINT: row 3 has "2.5", which is not a valid BIGINT.',
  );
  await expect(page.getByRole("button", { name: "Create dataset" })).toBeEnabled();
  await page.getByLabel("Type of column qty").selectOption("DECIMAL(18,2)");
  await expect(page.getByTestId("steer-error")).toHaveCount(0);
  await page.getByLabel("Type of column id").selectOption("VARCHAR");
  await expect(page.getByLabel("Type of column id")).toBeEnabled();
  await page.getByLabel("Name of column price").fill("unit price");
  await page.getByLabel("Name of column price").press("Enter");
  const rows = page.getByRole("table", { name: "The first 3 rows of the file" });
  await expect(rows.getByRole("columnheader", { name: "unit price" })).toBeVisible();
  await expect(rows.locator("tbody tr").nth(2)).toContainText("2.50");

  // Another delimiter is read at once (one column), and back; other columns mean the choices start over.
  await page.getByLabel("Delimiter").selectOption(",");
  await expect(page.getByLabel("Name of column id;qty;price")).toBeVisible();
  await page.getByLabel("Delimiter").selectOption(";");
  await expect(page.getByLabel("Type of column qty")).toHaveValue("DOUBLE");
  await page.getByLabel("Type of column qty").selectOption("DECIMAL(18,2)");
  await expect(page.getByLabel("Type of column qty")).toBeEnabled();
  await page.getByLabel("Type of column id").selectOption("VARCHAR");
  await expect(page.getByLabel("Type of column id")).toBeEnabled();
  await page.getByLabel("Name of column price").fill("unit price");
  await page.getByLabel("Name of column price").press("Enter");
  await expect(rows.getByRole("columnheader", { name: "unit price" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Steer orders");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page).toHaveURL(new RegExp(`${SALES}/steer-orders$`), { timeout: 30_000 });
  // The committed data has the chosen types and name: exact decimals, the new column name.
  const grid = page.getByRole("table", { name: "Dataset rows" });
  await expect(grid).toContainText("unit price");
  await expect(grid.locator("tbody tr").nth(2)).toContainText("2.50");
  await expect(grid.locator("tbody tr").nth(0)).toContainText("1.00");
});

test("appending previews the rows it adds with a schema diff; a blocking difference is fixed by renaming", async ({
  page,
  request,
}) => {
  const name = `steer-append-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: Array.from({ length: 30 }, (_, i) => ({ city: `Old ${i + 1}`, visits: i + 1 })),
  });
  expect(created.status(), await created.text()).toBe(201);
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/catalog/${name}`);
  await page.getByLabel("File with rows to add").setInputFiles({
    name: "more.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("City,visits\nNew A,100\nNew B,200\n"),
  });
  await expect(page.getByRole("heading", { name: `Add rows to ${name}` })).toBeVisible({ timeout: 60_000 });

  // "City" is not the dataset's "city": the diff says both, blocking, and the button waits.
  const diff = page.getByTestId("append-schema-diff");
  await expect(diff).toContainText("2 differences block the append");
  await expect(diff).toContainText("Missing from the file “city”");
  await expect(diff).toContainText("Not in the dataset “City”");
  await expect(page.getByRole("button", { name: "Add the rows" })).toBeDisabled();

  await page.getByLabel("Name of column City").fill("city");
  await page.getByLabel("Name of column City").press("Enter");
  await expect(diff).toContainText("The file has the dataset's 2 columns with the same types.");
  await expect(page.getByText("2 rows will be added to the 30 of version 1, making 32.")).toBeVisible();
  // The preview shows the new rows, not the dataset's first ones.
  const preview = page.getByRole("table", { name: "The first 2 rows the file adds" });
  await expect(preview.locator("tbody tr")).toHaveCount(2);
  await expect(preview.locator("tbody tr").first()).toContainText("New A");
  await expect(preview).not.toContainText("Old 1");

  await page.getByRole("button", { name: "Add the rows" }).click();
  await expect(page.getByTestId("grid-range")).toHaveText("Rows 1–32 of 32", { timeout: 30_000 });
});
