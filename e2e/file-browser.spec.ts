import { expect, type Page, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("fbrowse");
const FILES = `/w/${alice.username}/personal/files`;

const row = (page: Page, name: string) => page.locator(`[data-testid="entry-row"][data-name="${name}"]`);
const names = (page: Page) =>
  page.getByTestId("entry-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));
const menuButton = (page: Page, name: string) => page.getByRole("button", { name: `Actions for ${name}`, exact: true });
const menu = (page: Page, name: string) => page.getByRole("menu", { name: `Actions for ${name}` });
const menuItems = (page: Page, name: string) => menu(page, name).getByRole("menuitem").allTextContents();

/** A fresh folder at the top of alice's files, opened, holding `files` (name → content). */
async function folderWith(page: Page, label: string, files: Record<string, string>, subfolders: string[] = []) {
  const folder = `${label}-${Date.now().toString(36)}`;
  await page.goto(FILES);
  await newFolder(page, folder);
  await row(page, folder).getByRole("link", { name: folder }).click();
  await expect(page).toHaveURL(`${FILES}/${encodeURIComponent(folder)}`);
  await expect(page.getByRole("heading", { name: "This folder is empty" })).toBeVisible();
  for (const sub of subfolders) await newFolder(page, sub);
  await page.getByLabel("Files to upload").setInputFiles(
    Object.entries(files).map(([name, content]) => ({
      name,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(content),
    })),
  );
  await expect.poll(() => names(page)).toEqual(expect.arrayContaining([...subfolders, ...Object.keys(files)]));
  await expect(page.getByTestId("entry-row")).toHaveCount(subfolders.length + Object.keys(files).length);
  return folder;
}

async function newFolder(page: Page, name: string) {
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByLabel("Folder name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(row(page, name)).toBeVisible();
}

test("each row has a menu by its ⋯ button, by right-click and by keyboard, with the row's actions", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await folderWith(page, "menus", { "alpha.txt": "alpha", "beta.txt": "beta" }, ["sub"]);

  // The ⋯ button: every action alice (the owner) may take, in order.
  await menuButton(page, "alpha.txt").click();
  await expect(menu(page, "alpha.txt")).toBeVisible();
  expect(await menuItems(page, "alpha.txt")).toEqual([
    "Open",
    "Download",
    "Rename…",
    "Move…",
    "Share…",
    "Move to trash",
  ]);
  await expect(menu(page, "alpha.txt").getByRole("menuitem", { name: "Open" })).toBeFocused();
  await expect(menuButton(page, "alpha.txt")).toHaveAttribute("aria-expanded", "true");
  const menuId = await menu(page, "alpha.txt").getAttribute("id");
  await expect(menuButton(page, "alpha.txt")).toHaveAttribute("aria-controls", menuId!);
  // A click outside closes it.
  await page.getByRole("heading", { name: "Files" }).click();
  await expect(menu(page, "alpha.txt")).toHaveCount(0);
  await expect(menuButton(page, "alpha.txt")).toHaveAttribute("aria-expanded", "false");

  // Folders: open and download as ZIP instead.
  await menuButton(page, "sub").click();
  expect((await menuItems(page, "sub")).slice(0, 2)).toEqual(["Open folder", "Download ZIP"]);
  await page.keyboard.press("Escape");

  // Download from the menu.
  await menuButton(page, "beta.txt").click();
  const downloading = page.waitForEvent("download");
  await menu(page, "beta.txt").getByRole("menuitem", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("beta.txt");
  await expect(menu(page, "beta.txt")).toHaveCount(0);

  // Right-click: the same menu, at the pointer; Rename… renames.
  await row(page, "alpha.txt").click({ button: "right", position: { x: 220, y: 8 } });
  await expect(menu(page, "alpha.txt")).toBeVisible();
  await expect(row(page, "alpha.txt")).toHaveAttribute("aria-selected", "true");
  await menu(page, "alpha.txt").getByRole("menuitem", { name: "Rename…" }).click();
  await page.getByLabel("New name").fill("gamma.txt");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect.poll(() => names(page)).toEqual(["sub", "beta.txt", "gamma.txt"]);

  // Keyboard only: the menu button pattern.
  await menuButton(page, "beta.txt").focus();
  await page.keyboard.press("Enter");
  const items = menu(page, "beta.txt").getByRole("menuitem");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.last()).toHaveText("Move to trash");
  await expect(items.last()).toBeFocused();
  await page.keyboard.press("ArrowDown"); // wraps round
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu(page, "beta.txt")).toHaveCount(0);
  await expect(menuButton(page, "beta.txt")).toBeFocused();
  await page.keyboard.press("ArrowUp"); // opens at the last item
  await expect(items.last()).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press(" ");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Escape");

  // Shift+F10 on a focused row opens its menu too; choosing Share… opens the share dialog, and focus comes back.
  await row(page, "gamma.txt").click({ position: { x: 220, y: 8 } });
  await page.keyboard.press("Shift+F10");
  await expect(menu(page, "gamma.txt")).toBeVisible();
  await page.keyboard.press("s"); // the first letter jumps
  await expect(menu(page, "gamma.txt").getByRole("menuitem", { name: "Share…" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Share “gamma.txt”" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(row(page, "gamma.txt")).toBeFocused();

  // Open from the menu opens the preview.
  await menuButton(page, "gamma.txt").click();
  await menu(page, "gamma.txt").getByRole("menuitem", { name: "Open" }).click();
  await expect(page.getByTestId("text-preview")).toHaveText("alpha");
});

test("rows show an icon for their file type", async ({ page }) => {
  await signIn(page, alice.email);
  const files = {
    "orders.csv": "a,b\n1,2\n",
    "events.parquet": "PAR1",
    "config.json": "{}",
    "report.pdf": "%PDF-1.4",
    "photo.png": "png",
    "notes.txt": "notes",
    "backup.zip": "PK",
    "program.bin": "bin",
  };
  await folderWith(page, "icons", files, ["folder"]);
  const expected: Record<string, string> = {
    folder: "folder",
    "orders.csv": "table",
    "events.parquet": "parquet",
    "config.json": "json",
    "report.pdf": "pdf",
    "photo.png": "image",
    "notes.txt": "text",
    "backup.zip": "archive",
    "program.bin": "file",
  };
  for (const [name, icon] of Object.entries(expected)) {
    const svg = row(page, name).locator("svg[data-icon]");
    await expect(svg, name).toHaveAttribute("data-icon", icon);
    await expect(svg, name).toHaveAttribute("aria-hidden", "true");
  }
});

test("the preview steps to the previous and next file in the listing's order, by button and arrow keys", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await folderWith(page, "steps", { "one.txt": "first", "three.txt": "third", "two.txt": "second" }, ["inner"]);

  await row(page, "one.txt").getByRole("button", { name: "one.txt", exact: true }).click();
  const preview = page.getByRole("dialog", { name: "one.txt" });
  await expect(preview.getByTestId("text-preview")).toHaveText("first");
  await expect(page.getByRole("group", { name: "Files in this folder" })).toContainText("1 of 3");
  await expect(page.getByRole("button", { name: "Previous file" })).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("button", { name: "Next file" }).click();
  await expect(page.getByRole("dialog", { name: "three.txt" }).getByTestId("text-preview")).toHaveText("third");
  await expect(page).toHaveURL(/\?file=/);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "two.txt" }).getByTestId("text-preview")).toHaveText("second");
  await expect(page.getByRole("group", { name: "Files in this folder" })).toContainText("3 of 3");
  await expect(page.getByRole("button", { name: "Next file" })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("ArrowRight"); // the end: stays
  await expect(page.getByRole("dialog", { name: "two.txt" })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: "three.txt" }).getByTestId("text-preview")).toHaveText("third");
  await page.getByRole("button", { name: "Close preview" }).click();

  // The order is the listing's current one: names descending, "two" comes before "three".
  await page.getByRole("button", { name: "Name" }).click();
  await expect.poll(() => names(page)).toEqual(["inner", "two.txt", "three.txt", "one.txt"]);
  await row(page, "two.txt").getByRole("button", { name: "two.txt", exact: true }).click();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "three.txt" }).getByTestId("text-preview")).toHaveText("third");
});

test("moving to the trash offers Undo, which brings the entries back", async ({ page }) => {
  await signIn(page, alice.email);
  await folderWith(page, "undo", { "keep.txt": "keep", "oops.txt": "oops" }, ["plans"]);

  await menuButton(page, "oops.txt").click();
  await menu(page, "oops.txt").getByRole("menuitem", { name: "Move to trash" }).click();
  await expect.poll(() => names(page)).toEqual(["plans", "keep.txt"]);
  await expect(page.getByText("Moved 1 item to the trash.")).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText("Restored 1 item.")).toBeVisible();
  await expect.poll(() => names(page)).toEqual(["plans", "keep.txt", "oops.txt"]);

  // Several at once, from the selection toolbar: a folder and a file come back together.
  await row(page, "plans").getByRole("checkbox").check();
  await row(page, "oops.txt").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => names(page)).toEqual(["keep.txt"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText("Restored 2 items.")).toBeVisible();
  await expect.poll(() => names(page)).toEqual(["plans", "keep.txt", "oops.txt"]);
});

test("after a rename the selection is cleared: a later Move moves only what was then selected", async ({ page }) => {
  await signIn(page, alice.email);
  const folder = await folderWith(page, "rename-move", { "first.txt": "1", "second.txt": "2" }, ["target"]);

  await row(page, "first.txt").getByRole("checkbox").check();
  await page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New name").fill("renamed.txt");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect.poll(() => names(page)).toEqual(["target", "renamed.txt", "second.txt"]);
  await expect(page.getByRole("toolbar", { name: "Selected items" })).toHaveCount(0);

  await row(page, "second.txt").getByRole("checkbox").check();
  await expect(page.getByRole("toolbar", { name: "Selected items" })).toContainText("1 selected");
  await page.getByRole("button", { name: "Move…" }).click();
  const dialog = page.getByRole("dialog", { name: "Move to…" });
  await dialog.getByRole("button", { name: `Expand ${folder}` }).click();
  await dialog.getByRole("button", { name: "target", exact: true }).click();
  await dialog.getByRole("button", { name: "Move here" }).click();
  await expect(page.getByText("Moved 1 item.")).toBeVisible();
  await expect.poll(() => names(page)).toEqual(["target", "renamed.txt"]);
  await row(page, "target").getByRole("link", { name: "target" }).click();
  await expect.poll(() => names(page)).toEqual(["second.txt"]);
});

test("on a phone (390×844) every row keeps its ⋯ menu within the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, alice.email);
  await folderWith(page, "phone", { "a-rather-long-file-name-for-a-small-screen.csv": "x,y\n1,2\n" }, ["folder"]);
  const name = "a-rather-long-file-name-for-a-small-screen.csv";

  const button = menuButton(page, name);
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await button.click();
  const opened = menu(page, name);
  await expect(opened).toBeVisible();
  const panel = (await opened.boundingBox())!;
  expect(panel.x).toBeGreaterThanOrEqual(0);
  expect(panel.x + panel.width).toBeLessThanOrEqual(390);
  expect(await menuItems(page, name)).toEqual(["Open", "Download", "Rename…", "Move…", "Share…", "Move to trash"]);
  await opened.getByRole("menuitem", { name: "Open" }).click();
  await expect(page.getByRole("table", { name: `First rows of ${name}` })).toBeVisible();
});

test("the sort order is remembered across reloads and folders", async ({ page }) => {
  await signIn(page, alice.email);
  await folderWith(page, "sort", { "small.txt": "s", "large.txt": "l".repeat(5000), "medium.txt": "m".repeat(500) });
  await expect.poll(() => names(page)).toEqual(["large.txt", "medium.txt", "small.txt"]);

  await page.getByRole("button", { name: "Size" }).click();
  await expect(page.getByRole("columnheader", { name: "Size" })).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("button", { name: "Size" }).click();
  await expect.poll(() => names(page)).toEqual(["small.txt", "medium.txt", "large.txt"]);

  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Size" })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => names(page)).toEqual(["small.txt", "medium.txt", "large.txt"]);

  // Another folder opens in the same order.
  await page.goto(`${FILES}/reports/2026`);
  await expect(page.getByRole("columnheader", { name: "Size" })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => names(page)).toEqual(["q1-summary.md", "q1-sales.csv"]);
});

test("a read-only link view has no checkboxes and offers only what a visitor can do", async ({ page, browser }) => {
  await signIn(page, alice.email);
  await page.goto(FILES);
  await menuButton(page, "reports").click();
  await menu(page, "reports").getByRole("menuitem", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share “reports”" });
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill("File browser spec");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const path = new URL(await dialog.getByTestId("new-link").inputValue()).pathname;

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`${path}/2026`);
  await expect.poll(() => names(visitor)).toEqual(["q1-sales.csv", "q1-summary.md"]);
  await expect(visitor.getByRole("checkbox")).toHaveCount(0);
  await expect(visitor.getByRole("grid", { name: "Folder contents" })).not.toHaveAttribute("aria-multiselectable");

  // Clicks and keys move focus but select nothing: there is nothing to do with a selection here.
  await row(visitor, "q1-sales.csv").click({ position: { x: 220, y: 8 } });
  await visitor.keyboard.press("Control+a");
  await expect(visitor.getByRole("toolbar", { name: "Selected items" })).toHaveCount(0);
  await expect(row(visitor, "q1-sales.csv")).not.toHaveAttribute("aria-selected");

  await menuButton(visitor, "q1-sales.csv").click();
  expect(await menuItems(visitor, "q1-sales.csv")).toEqual(["Open", "Download"]);
  await visitor.keyboard.press("Escape");
  await row(visitor, "q1-summary.md").click({ button: "right", position: { x: 220, y: 8 } });
  expect(await menuItems(visitor, "q1-summary.md")).toEqual(["Open", "Download"]);
  await menu(visitor, "q1-summary.md").getByRole("menuitem", { name: "Open" }).click();
  await expect(visitor.getByText("Revenue grew 12% over Q4 2025")).toBeVisible();
  await context.close();
});
