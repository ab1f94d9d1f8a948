import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("activity");
const sales = `/w/${alice.username}/sales`;

// Two people sign in through the mailbox: more time than one page needs.
test.describe.configure({ timeout: 180_000 });

const rows = (page: Page) => page.getByTestId("activity-row");
/** Something that looks like a database id (cuid): never shown to users. */
const ID = /\bc[a-z0-9]{20,}\b/;

test("a share, a member role change and a link creation read as sentences naming the resource and people; the History tab says the same; filters survive a reload; the CSV carries the sentences", async ({
  page,
  browser,
}) => {
  const carol = uniqueEmail("carol");
  await signIn(page, alice.email);

  // alice shares Orders 2026 with carol and creates an access link to it, in the share dialog
  await page.goto(`${sales}/catalog/orders-2026`);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill(carol);
  await input.press("Enter");
  await dialog.getByLabel("Role", { exact: true }).selectOption("viewer");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("access-row").filter({ hasText: carol })).toBeVisible();
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill("Board pack");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("new-link")).toBeVisible();

  // the History tab tells the same story in sentences
  await dialog.getByRole("tab", { name: "History" }).click();
  const history = dialog.getByTestId("history-row");
  await expect(history.filter({ hasText: `Alice Anders shared Orders 2026 with ${carol} as viewer` })).toHaveCount(1);
  await expect(
    history.filter({
      hasText: /Alice Anders created an access link “Board pack” to Orders 2026 \(expires \d{1,2} \w{3} \d{4}/,
    }),
  ).toHaveCount(1);
  await expect(dialog.getByRole("list", { name: "History" })).not.toContainText("share.created");
  await page.keyboard.press("Escape");

  // alice makes bob an admin of the workspace
  await page.goto(`${sales}/settings`);
  await page.getByLabel(`Role of ${bob.username}`).selectOption("admin");
  await expect(page.getByText("Role changed")).toBeVisible();

  // bob downloads the dataset, so there is a second person to filter by
  const bobPage = await signedInPage(browser, bob.email);
  await bobPage.goto(`${sales}/catalog/orders-2026`);
  const download = await bobPage.locator('a[href*="/api/datasets/"][href*="/download"]').first().getAttribute("href");
  expect((await bobPage.request.get(download!)).status()).toBe(200);
  await bobPage.context().close();

  await page.goto(`${sales}/activity`);
  await expect(rows(page).filter({ hasText: `Alice Anders shared Orders 2026 with ${carol} as viewer` })).toHaveCount(
    1,
  );
  await expect(rows(page).filter({ hasText: "Alice Anders changed Bob Berg’s role to admin" })).toHaveCount(1);
  await expect(
    rows(page).filter({ hasText: /Alice Anders created an access link “Board pack” to Orders 2026 \(expires / }),
  ).toHaveCount(1);
  await expect(rows(page).filter({ hasText: "Bob Berg downloaded Orders 2026" })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: "Alice Anders added Bob Berg to Sales analytics as member" })).toHaveCount(
    1,
  );
  const shareRow = rows(page).filter({ hasText: `shared Orders 2026 with ${carol}` });
  await expect(shareRow.getByRole("link", { name: "Orders 2026" })).toHaveAttribute(
    "href",
    `${sales}/catalog/orders-2026`,
  );
  for (const text of await rows(page).allInnerTexts()) {
    expect(text).not.toMatch(ID);
    expect(text).not.toMatch(/\b(share|member|link|dataset)\.[a-z_]+\b/);
  }

  // filter by person: only bob's events, in the URL, kept by a reload
  await page.getByLabel("Person").selectOption({ label: "Bob Berg" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]person=/);
  // bob opened the dataset's page, then downloaded it: one view and one download
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText("Bob Berg downloaded Orders 2026");
  await expect(rows(page).nth(1)).toContainText("Bob Berg viewed Orders 2026");
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByLabel("Person")).toHaveValue(/.+/);
  await expect(page.getByLabel("Person").locator("option:checked")).toHaveText("Bob Berg");

  // person and kind combine: alice's membership events only
  await page.getByLabel("Person").selectOption({ label: "Alice Anders" });
  await page.getByLabel("Kind").selectOption({ label: "Members" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/kind=members/);
  await expect(rows(page).filter({ hasText: "changed Bob Berg’s role to admin" })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: "shared Orders 2026" })).toHaveCount(0);

  // the CSV of the filtered events carries the sentence as plain text
  await page.getByLabel("Kind").selectOption({ label: "Sharing" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows(page).filter({ hasText: `shared Orders 2026 with ${carol}` })).toHaveCount(1);
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^activity-sales-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe('"time","actor","action","sentence","resource"');
  expect(lines.slice(1).every((l) => l.includes('"share.'))).toBe(true);
  expect(csv).toMatch(
    new RegExp(
      `"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z","Alice Anders","share\\.created","Alice Anders shared Orders 2026 with ${carol.replace(/\./g, "\\.")} as viewer","Orders 2026"`,
    ),
  );
  expect(csv).not.toContain("changed Bob Berg’s role");
});

test("fifty events per page with the position shown; the next page keeps the filters", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/sales/catalog/orders-2026`);
  const href = await page.locator('a[href*="/api/datasets/"][href*="/download"]').first().getAttribute("href");
  const url = new URL(href!, "http://localhost");
  // A repeated download is recorded once an hour; 55 different filtered exports are 55 downloads.
  for (let i = 0; i < 55; i++) {
    url.searchParams.set("format", "csv");
    url.searchParams.set("query", JSON.stringify({ filters: [{ column: "quantity", op: "range", min: i }] }));
    expect((await page.request.get(`${url.pathname}${url.search}`)).status()).toBe(200);
  }

  await page.goto(`/w/${alice.username}/sales/activity?kind=datasets`);
  await expect(rows(page)).toHaveCount(50);
  const position = page.getByTestId("activity-position");
  await expect(position).toHaveText(/^Events 1–50 of (\d+) · page 1 of \d+$/);
  await expect(rows(page).first()).toContainText("Alice Anders downloaded Orders 2026 (CSV, filtered");
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/kind=datasets/);
  await expect(page).toHaveURL(/page=2/);
  await expect(position).toHaveText(/^Events 51–\d+ of \d+ · page 2 of \d+$/);
  await expect(page.getByLabel("Kind").locator("option:checked")).toHaveText("Datasets");
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(position).toHaveText(/^Events 1–50 of/);
});
