import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./helpers";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("cshare");
const SALES = `/w/${alice.username}/sales/catalog`;

// The share dialog is loaded only when a Share button is used (a catalog page has one per card):
// opening it, sharing from it and closing it must work exactly as before.
test("a catalog card's Share button opens that dataset's share dialog, shares, and gives focus back when closed", async ({
  page,
}) => {
  const carol = uniqueEmail("carol");
  await signIn(page, alice.email);
  await page.goto(SALES);
  const card = page.getByRole("listitem", { name: "Orders 2026" });
  const share = card.getByRole("button", { name: "Share", exact: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await share.click();
  const dialog = page.getByRole("dialog", { name: "Share “Orders 2026”" });
  await expect(dialog).toBeVisible();
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill(carol);
  await input.press("Enter");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("access-row").filter({ hasText: carol })).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();

  // Reopened (from the keyboard), the dialog reads the grant just made.
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("access-row").filter({ hasText: carol })).toBeVisible();
});

test("the dataset page's Share button opens the share dialog; a member who does not manage it gets none", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/orders-2026`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Share “Orders 2026”" })).toBeVisible();
  await expect(page.getByRole("dialog").getByRole("tab", { name: "Access links" })).toBeVisible();

  const member = await signedInPage(browser, bob.email);
  await member.goto(SALES);
  await expect(member.getByRole("listitem", { name: "Orders 2026" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
  await member.goto(`${SALES}/orders-2026`);
  await expect(member.getByRole("heading", { name: "Orders 2026", level: 1 })).toBeVisible();
  await expect(member.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
});
