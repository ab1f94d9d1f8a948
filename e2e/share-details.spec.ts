import { expect, test, type Page } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";
import { demoWorld, signIn } from "./world";

const { alice, bob } = demoWorld("sharedetails");
const SALES = `/w/${alice.username}/sales`;
const DATASET = `${SALES}/catalog/orders-2026`;

test.describe.configure({ timeout: 120_000 });

// sonner's live region ("Notifications") holds every toast.
const toast = (page: Page, text: string) =>
  page.getByRole("region", { name: /^Notifications/ }).getByText(text, { exact: true });

async function openShareDialog(page: Page) {
  await page.goto(DATASET);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Share/ })).toBeVisible();
  return dialog;
}

test("the 'What … sees' preview follows a role change and a revoke made in the dialog; the share e-mail names Alice Anders", async ({
  page,
  browser,
}) => {
  const carol = `carol-${Date.now().toString(36)}`;
  await createUserWithToken(carol);
  await signIn(page, alice.email);

  const dialog = await openShareDialog(page);
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill(carol);
  await input.press("Enter");
  await dialog.getByLabel("Role", { exact: true }).selectOption("viewer");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(toast(page, `Shared with ${carol}`)).toBeVisible();
  const row = dialog.getByTestId("access-row").filter({ hasText: carol });
  await expect(row).toBeVisible();

  await dialog.getByRole("button", { name: `Preview as ${carol}` }).click();
  const preview = dialog.getByTestId("preview-as");
  await expect(preview.getByRole("heading", { name: `What ${carol} sees` })).toBeVisible();
  await expect(preview).toContainText("Can read this dataset (viewer).");

  await dialog.getByLabel(`Role of ${carol}`).selectOption("editor");
  await expect(toast(page, "Role changed")).toBeVisible();
  await expect(preview).toContainText("Can read and change this dataset (editor).");

  await dialog.getByRole("button", { name: `Revoke access of ${carol}` }).click();
  await expect(toast(page, "Access removed")).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(preview.getByTestId("preview-revoked")).toContainText(`${carol} no longer has access`);
  await expect(preview).not.toContainText("Can read");

  // The e-mail carol got names the sharer by display name, in the subject and the body.
  const mailbox = await (await browser.newContext()).newPage();
  await mailbox.goto(`/mailbox?to=${encodeURIComponent(`${carol}@example.com`)}`);
  const shared = mailbox.getByTestId("mail").filter({ hasText: "shared the dataset" }).first();
  await expect(shared).toContainText(`${alice.name} shared the dataset`);
  await mailbox.context().close();
});

test("a member role change confirms with the toast, which can be dismissed", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/settings`);
  const role = page.getByLabel(`Role of ${bob.username}`);
  await role.selectOption("admin");
  const confirmation = toast(page, "Role changed");
  await expect(confirmation).toBeVisible();
  await page
    .getByRole("region", { name: /^Notifications/ })
    .getByRole("button", { name: "Close toast" })
    .first()
    .click();
  await expect(confirmation).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel(`Role of ${bob.username}`)).toHaveValue("admin");
  await page.getByLabel(`Role of ${bob.username}`).selectOption("member");
  await expect(toast(page, "Role changed")).toBeVisible();
  // It hides itself after a few seconds.
  await expect(toast(page, "Role changed")).toHaveCount(0, { timeout: 15_000 });
});
