import { expect, type Page, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const world = demoWorld("dlg");
const FILES = `/w/${world.alice.username}/personal/files`;

/** Whether keyboard focus is inside the open dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

test("a dialog is modal, keeps focus inside, closes on Escape and gives focus back to what opened it", async ({
  page,
}) => {
  await signIn(page, world.alice.email);
  await page.goto(FILES);

  // Opened from a plain button (no dialog trigger of its own).
  const newFolder = page.getByRole("button", { name: "New folder" });
  await newFolder.click();
  const dialog = page.getByRole("dialog", { name: "New folder" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  await expect(dialog.getByLabel("Folder name")).toBeFocused();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInDialog(page)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(newFolder).toBeFocused();

  // Opened from the selection toolbar.
  await page.getByLabel("Select README.md").check();
  const rename = page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "Rename" });
  await rename.click();
  const renameDialog = page.getByRole("dialog", { name: "Rename" });
  await expect(renameDialog.getByLabel("New name")).toHaveValue("README.md");
  await page.keyboard.press("Escape");
  await expect(renameDialog).toBeHidden();
  await expect(rename).toBeFocused();
});
