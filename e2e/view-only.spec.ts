import { expect, test, type Page } from "@playwright/test";
import { demoWorld, signIn, signedInPage } from "./world";

// bob stands in for the carol: someone outside alice's personal workspace.
const { alice, bob } = demoWorld("viewonly");

test.describe.configure({ timeout: 180_000 });

test("alice shares a dataset view-only with bob: he sees the grid and statistics, no download, and a direct export is 403", async ({
  page,
  browser,
  request,
}) => {
  const name = `readings-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: Array.from({ length: 120 }, (_, i) => ({ id: i + 1, station: `S${(i % 7) + 1}`, value: i * 1.5 })),
  });
  expect(created.status(), await created.text()).toBe(201);
  const { datasetId } = (await created.json()) as { datasetId: string };
  const url = `/w/${alice.username}/personal/catalog/${name}`;

  await signIn(page, alice.email);
  await page.goto(url);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  const people = dialog.getByLabel("People or e-mail addresses");
  await people.fill(bob.username);
  await people.press("Enter");
  const role = dialog.getByLabel("Role", { exact: true });
  await expect(role.locator("option")).toHaveText([
    "Totals only",
    "Can view (no download)",
    "Viewer (can download)",
    "Editor",
  ]);
  await role.selectOption("viewonly");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByLabel(`Role of ${bob.username}`)).toHaveValue("viewonly");

  const bobPage = await signedInPage(browser, bob.email);
  await bobPage.goto(url);
  const grid = bobPage.getByRole("table", { name: "Dataset rows" });
  await expect(grid.getByRole("row")).toHaveCount(51); // the header and the first page of 50
  await expect(bobPage.getByTestId("grid-range")).toHaveText("Rows 1–50 of 120");
  await expect(bobPage.getByTestId("view-only-note")).toBeVisible();
  await expect(bobPage.getByRole("button", { name: /^Download/ })).toHaveCount(0);
  await expect(bobPage.getByRole("link", { name: /^Download/ })).toHaveCount(0);
  await expect(grid.getByRole("row").nth(1)).toContainText("S1");
  const statistics = bobPage.getByRole("region", { name: "Schema and column statistics" });
  await expect(statistics).toContainText("station");

  for (const format of ["csv", "parquet", "jsonl"]) {
    const response = await bobPage.request.get(`/api/datasets/${datasetId}/download?format=${format}`);
    expect(response.status(), format).toBe(403);
    expect((await response.json()).error).toBe("You can view this but not download it.");
  }
  // alice, who owns it, still downloads
  expect((await page.request.get(`/api/datasets/${datasetId}/download?format=csv`)).status()).toBe(200);
  await bobPage.context().close();
});

test("a view-only link on a folder: the visitor browses and previews the files, has no download, and the download routes answer 403", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/files/reports/2026`);
  const fileHref = await page.getByRole("link", { name: "Download q1-sales.csv" }).getAttribute("href");
  const fileId = fileHref!.split("/api/files/")[1]!.split("/")[0]!;

  await page.goto(`/w/${alice.username}/personal/files`);
  await page.getByRole("button", { name: "Share reports" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill("Board preview");
  const allow = dialog.getByLabel("Allow downloads");
  await expect(allow).toBeChecked();
  await allow.uncheck();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const path = new URL(await dialog.getByTestId("new-link").inputValue()).pathname;
  await expect(dialog.getByTestId("link-row").filter({ hasText: "Board preview" })).toContainText("view only");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor.getByText("View-only link (no downloads)")).toBeVisible();
  const contents = visitor.getByRole("grid", { name: "Folder contents" });
  await contents.getByRole("link", { name: "2026" }).click();
  await expect(visitor).toHaveURL(new RegExp(`${path}/2026$`));
  await expect(contents.getByRole("button", { name: "q1-sales.csv", exact: true })).toBeVisible();
  await expect(visitor.getByRole("link", { name: /^Download/ })).toHaveCount(0); // no file download, no ZIP

  await contents.getByRole("button", { name: "q1-summary.md", exact: true }).click();
  await expect(visitor.getByText("Revenue grew 12% over Q4 2025")).toBeVisible();
  await expect(visitor.getByRole("dialog").getByRole("link", { name: "Download" })).toHaveCount(0);
  await visitor.keyboard.press("Escape");

  const token = path.split("/s/")[1]!;
  expect((await visitor.request.get(`/api/files/${fileId}/download?link=${token}`)).status()).toBe(403);
  const zipHref = `/api/folders/${await folderIdOf(page, alice.username)}/zip?link=${token}`;
  expect((await visitor.request.get(zipHref)).status()).toBe(403);
  await visitor.context().close();
});

/** The id of alice's "reports" folder, from the ZIP link of its folder view. */
async function folderIdOf(page: Page, owner: string): Promise<string> {
  await page.goto(`/w/${owner}/personal/files/reports`);
  const href = await page.getByRole("link", { name: "Download ZIP" }).getAttribute("href");
  return href!.split("/api/folders/")[1]!.split("/")[0]!;
}
