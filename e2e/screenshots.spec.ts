// The README's pictures of the product: the main screens at a laptop's and a phone's size (viewport shots,
// stable names <screen>-<desktop|mobile>.png). Every e2e run takes them into test-results/screenshots, so a plain
// `npm test` leaves the tree clean; `npm run screenshots` takes them into docs/screenshots/ to be committed.
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoWorld, signedInPage } from "./world";

const { alice, bob } = demoWorld("shots");
const SALES = `/w/${alice.username}/sales`;
const ORDERS = `${SALES}/catalog/orders-2026`;
const FILES = `/w/${alice.username}/personal/files`;
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? "test-results/screenshots");
const SIZES = [
  { name: "desktop", viewport: { width: 1366, height: 850 } },
  { name: "mobile", viewport: { width: 390, height: 844 } },
] as const;

test.describe.configure({ timeout: 240_000 });

async function shot(page: Page, screen: string, size: string) {
  // No focus ring from the last click in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, `${screen}-${size}.png`), animations: "disabled", caret: "hide" });
}

async function openShare(page: Page) {
  await page.goto(ORDERS);
  await page.getByRole("main").getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Share/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Alice shares Orders 2026 with bob and makes a read-only link to it: what the screens then show. */
async function prepare(browser: Browser) {
  const page = await signedInPage(browser, alice.email);
  const dialog = await openShare(page);
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill(bob.username);
  await input.press("Enter");
  await dialog.getByLabel("Note (optional)").fill("The order lines for the quarterly review");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("access-row").filter({ hasText: bob.username }).first()).toBeVisible();
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill("Auditors");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = new URL(await dialog.getByTestId("new-link").inputValue()).pathname;
  await page.context().close();
  return link;
}

test("screenshots of the main screens at 1366×850 and 390×844 into docs/screenshots", async ({ browser }) => {
  const link = await prepare(browser);
  for (const { name: size, viewport } of SIZES) {
    const page = await signedInPage(browser, alice.email);
    await page.setViewportSize(viewport);

    await page.goto(`${SALES}/catalog`);
    await expect(page.getByRole("list", { name: "Datasets" })).toBeVisible();
    await shot(page, "catalog", size);

    await page.goto(`${SALES}/catalog/vessel-positions`);
    await expect(page.getByRole("main").getByRole("cell", { name: "Nordic Star" }).first()).toBeVisible();
    await shot(page, "dataset", size);

    await page.goto(`${FILES}/reports/2026`);
    await expect(page.getByRole("grid", { name: "Folder contents" }).getByText("q1-summary.md")).toBeVisible();
    await shot(page, "files", size);

    const dialog = await openShare(page);
    await expect(dialog.getByTestId("access-row").filter({ hasText: bob.username }).first()).toBeVisible();
    await shot(page, "share-dialog", size);

    await page.goto(`${SALES}/activity`);
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    await shot(page, "activity", size);
    await page.context().close();

    const bobPage = await signedInPage(browser, bob.email);
    await bobPage.setViewportSize(viewport);
    await bobPage.goto("/shared/with-me");
    await expect(bobPage.getByRole("main").getByText("Orders 2026").first()).toBeVisible();
    await shot(bobPage, "shared-with-me", size);
    await bobPage.context().close();

    const visitor = await browser.newContext({ viewport });
    const guest = await visitor.newPage();
    await guest.goto(link);
    await expect(guest.getByRole("main").getByRole("heading", { name: "Orders 2026", level: 1 })).toBeVisible();
    await expect(guest.getByText("Read-only link").first()).toBeVisible();
    await shot(guest, "link-page", size);
    await visitor.close();
  }
});
