// Keyboard alone (issue 18 point 7): sharing, uploading and the file browser with page.keyboard only; the
// mouse is never used. Every focused control shows a focus ring, in the light and the dark colour scheme.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("kbd");
const DATASET = `/w/${alice.username}/sales/catalog/orders-2026`;
const FILES = `/w/${alice.username}/personal/files`;

test.describe.configure({ timeout: 120_000 });

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  await expect(target).toBeAttached();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) return;
  }
  throw new Error(`${max} presses of Tab never reached ${target}`);
}

/** Presses Tab until the focus is on a row of the folder listing (the rows are one Tab stop). */
async function tabIntoRows(page: Page) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await focusedRowIs(page, "")) return;
  }
  throw new Error("Tab never reached the rows of the folder listing");
}

/** From the first row, presses ArrowDown until the focused row names `name`. */
async function arrowToRow(page: Page, name: string) {
  await page.keyboard.press("Home");
  for (let i = 0; i < 20; i++) {
    if (await focusedRowIs(page, name)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`the arrow keys never reached the row ${name}`);
}
const focusedRowIs = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      !!document.activeElement?.closest('[role="grid"]') &&
      document.activeElement.tagName === "TR" &&
      document.activeElement.textContent!.includes(n),
    name,
  );

/** What makes the focused element's focus visible: a drawn outline or a ring (box-shadow). */
const focusIndicator = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    return { element: `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`, visible: outline || ring };
  });

test("share a dataset by keyboard: open the dialog, add a person by e-mail, choose a role, send, see them; Escape gives focus back", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await page.goto(DATASET);
  await expect(page.getByRole("heading", { name: "Orders 2026", level: 1 })).toBeVisible();
  const shareButton = page.getByRole("main").getByRole("button", { name: "Share", exact: true });
  await tabTo(page, shareButton);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /^Share/ });
  await expect(dialog).toBeVisible();

  const person = uniqueEmail("dora");
  await tabTo(page, dialog.getByLabel("People or e-mail addresses"));
  await page.keyboard.type(person);
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("grantee-chip").filter({ hasText: person })).toBeVisible();
  const role = dialog.getByLabel("Role", { exact: true });
  await tabTo(page, role);
  for (let i = 0; i < 5 && (await role.inputValue()) !== "editor"; i++) await page.keyboard.press("ArrowDown");
  await expect(role).toHaveValue("editor");
  await tabTo(page, dialog.getByRole("button", { name: "Share", exact: true }));
  await page.keyboard.press("Enter");
  const row = dialog.getByTestId("access-row").filter({ hasText: person });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/editor/i);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(shareButton).toBeFocused();
});

test("upload a file through the upload control by keyboard, then move through the rows and open a folder and a file", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${FILES}/reports`);
  const grid = page.getByRole("grid", { name: "Folder contents" });
  await expect(grid).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Upload files" }));
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  await (await chooser).setFiles({ name: "by-keyboard.txt", mimeType: "text/plain", buffer: Buffer.from("typed\n") });
  await expect(grid.getByRole("button", { name: "by-keyboard.txt", exact: true })).toBeVisible();

  // Into the listing: one Tab stop for the rows, the arrow keys between them, Enter opens.
  await page.goto(FILES);
  await expect(grid).toBeVisible();
  await tabIntoRows(page);
  await arrowToRow(page, "reports");
  await expect(grid.getByRole("row", { selected: true })).toContainText("reports");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/files\/reports$/);
  await expect(grid.getByRole("button", { name: "by-keyboard.txt", exact: true })).toBeVisible();

  await tabIntoRows(page);
  await arrowToRow(page, "by-keyboard.txt");
  await page.keyboard.press("Enter");
  const preview = page.getByRole("dialog");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("typed");
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();
  expect(await focusedRowIs(page, "by-keyboard.txt")).toBe(true);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`every control reached by Tab shows a focus ring (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await signIn(page, alice.email);
    await page.goto(FILES);
    const grid = page.getByRole("grid", { name: "Folder contents" });
    await expect(grid).toBeVisible();
    const controls: Locator[] = [
      page.getByRole("link", { name: "Files", exact: true }).first(),
      page.getByRole("button", { name: "Upload files" }),
    ];
    const seen = [];
    for (const control of controls) {
      await tabTo(page, control);
      seen.push(await focusIndicator(page));
    }
    await tabIntoRows(page);
    seen.push(await focusIndicator(page));
    await page.goto(DATASET);
    await tabTo(page, page.getByRole("main").getByRole("button", { name: "Share", exact: true }));
    seen.push(await focusIndicator(page));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /^Share/ });
    for (const control of [
      dialog.getByRole("tab", { name: "Access links" }),
      dialog.getByLabel("Role", { exact: true }),
      dialog.getByRole("button", { name: "Done" }),
    ]) {
      await tabTo(page, control);
      seen.push(await focusIndicator(page));
    }
    expect(seen.filter((s) => !s.visible)).toEqual([]);
    expect(seen).toHaveLength(7);
  });
}
