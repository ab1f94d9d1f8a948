import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Download, expect, type Page, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice, bob: bobUser } = demoWorld("files");
const FILES = `/w/${alice.username}/personal/files`;

/** Rows of the listing by name. */
const row = (page: Page, name: string) => page.locator(`[data-testid="entry-row"][data-name="${name}"]`);
const names = (page: Page) =>
  page.getByTestId("entry-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));

async function downloadText(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ds-e2e-files-"));
}

test("alice uploads files and a folder with progress, manages them, previews, downloads, and uses the trash", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, alice.email);
  await page.goto(FILES);
  // The seeded tree, folders first.
  await expect.poll(() => names(page)).toEqual(["data", "images", "reports", "README.md"]);

  // A new folder, opened: empty.
  const folder = `e2e ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByLabel("Folder name").fill("bad/name");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'A name cannot contain "/".' })).toBeVisible();
  await page.getByLabel("Folder name").fill(folder);
  await page.getByRole("button", { name: "Create" }).click();
  await row(page, folder).getByRole("link", { name: folder }).click();
  await expect(page).toHaveURL(`${FILES}/${encodeURIComponent(folder)}`);
  await expect(page.getByRole("heading", { name: "This folder is empty" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Folder path" })).toContainText(`All files/${folder}`);

  // Files: a text file, a CSV, and a bigger file uploaded slowly so its progress and a reload mid-way show.
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "notes.txt"), "Hello from the e2e test.\nSecond line.\n");
  fs.writeFileSync(path.join(dir, "table.csv"), "city,population\nOslo,709000\nBergen,291000\n");
  const big = path.join(dir, "big.bin");
  fs.writeFileSync(big, Buffer.alloc(24 * 1024 * 1024, 7));
  await page.getByLabel("Files to upload").setInputFiles([path.join(dir, "notes.txt"), path.join(dir, "table.csv")]);
  await expect(page.getByTestId("upload-item").filter({ hasText: "notes.txt" })).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("upload-item").filter({ hasText: "table.csv" })).toHaveAttribute("data-status", "done");
  await expect.poll(() => names(page)).toEqual(["notes.txt", "table.csv"]);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 3 * 1024 * 1024,
  });
  await page.getByLabel("Files to upload").setInputFiles(big);
  const bigBar = page.getByRole("progressbar", { name: "big.bin upload progress" });
  await expect
    .poll(async () => Number(await bigBar.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThan(40);
  expect(Number(await bigBar.getAttribute("aria-valuenow"))).toBeLessThan(100);
  await expect(page.getByRole("progressbar", { name: "Total upload progress" })).toBeVisible();
  // A reload in the middle: the upload is offered for resuming and continues where it stopped.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Interrupted uploads" })).toBeVisible();
  expect(await names(page)).not.toContain("big.bin"); // an unfinished upload never shows up as a file
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Resume…" }).click();
  await (await chooser).setFiles(big);
  const resumed = page.getByTestId("upload-item").filter({ hasText: "big.bin" });
  await expect(resumed).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(resumed).toContainText(/resumed at [1-9]\d?%/);
  await expect.poll(() => names(page)).toEqual(["big.bin", "notes.txt", "table.csv"]);

  // A whole folder, with a subfolder.
  const photos = path.join(tempDir(), "photos");
  fs.mkdirSync(path.join(photos, "2026"), { recursive: true });
  fs.writeFileSync(path.join(photos, "a.txt"), "a");
  fs.writeFileSync(path.join(photos, "2026", "b.txt"), "b");
  await page.getByLabel("Folder to upload").setInputFiles(photos);
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "notes.txt", "table.csv"]);

  // Dropping files from the computer onto the browser uploads them (a synthetic drop carrying a File).
  await page.getByRole("grid", { name: "Folder contents" }).evaluate((grid) => {
    const data = new DataTransfer();
    data.items.add(new File(["dropped on the page"], "dropped.md", { type: "text/markdown" }));
    for (const type of ["dragenter", "dragover", "drop"])
      grid.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(page.getByTestId("upload-item").filter({ hasText: "dropped.md" })).toHaveAttribute(
    "data-status",
    "done",
  );
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "dropped.md", "notes.txt", "table.csv"]);
  await row(page, "dropped.md").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "notes.txt", "table.csv"]);

  // Uploading a name that exists asks: keep both.
  await page.getByLabel("Files to upload").setInputFiles(path.join(dir, "notes.txt"));
  await expect(page.getByRole("dialog", { name: "An item with this name already exists" })).toBeVisible();
  await page.getByRole("button", { name: "Keep both" }).click();
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "notes (1).txt", "notes.txt", "table.csv"]);

  // Sorting by size, descending first.
  await page.getByRole("button", { name: "Size" }).click();
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "table.csv", "notes (1).txt", "notes.txt"]);
  await page.getByRole("button", { name: "Name" }).click();

  // Previews: text and CSV as a table.
  await row(page, "notes.txt").getByRole("button", { name: "notes.txt", exact: true }).click();
  await expect(page.getByTestId("text-preview")).toHaveText("Hello from the e2e test.\nSecond line.\n");
  await expect(page).toHaveURL(/\?file=/);
  await page.getByRole("button", { name: "Close preview" }).click();
  await row(page, "table.csv").getByRole("button", { name: "table.csv", exact: true }).click();
  const grid = page.getByRole("table", { name: "First rows of table.csv" });
  await expect(grid.getByRole("columnheader", { name: /population/ })).toBeVisible();
  await expect(grid.getByRole("cell", { name: "Bergen" })).toBeVisible();
  await page.keyboard.press("Escape");

  // Download a file and check its content.
  const downloadStarted = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download notes.txt" }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toBe("notes.txt");
  expect((await downloadText(download)).toString()).toBe("Hello from the e2e test.\nSecond line.\n");

  // Keyboard: arrows move, Shift+arrow extends the selection.
  await row(page, "photos").click({ position: { x: 200, y: 5 } });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByRole("toolbar", { name: "Selected items" })).toContainText("2 selected");
  await expect(row(page, "big.bin")).toHaveAttribute("aria-selected", "true");
  await expect(row(page, "notes (1).txt")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");

  // Rename (F2 on the focused row), then move with the dialog, then by dragging onto a folder.
  await row(page, "notes (1).txt").click({ position: { x: 200, y: 5 } });
  await page.keyboard.press("F2");
  await page.getByLabel("New name").fill("renamed.txt");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect.poll(() => names(page)).toContain("renamed.txt");
  await row(page, "renamed.txt").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Move…" }).click();
  const moveDialog = page.getByRole("dialog", { name: "Move to…" });
  await moveDialog.getByRole("button", { name: `Expand ${folder}` }).click();
  await moveDialog.getByRole("button", { name: "photos", exact: true }).click();
  await moveDialog.getByRole("button", { name: "Move here" }).click();
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "notes.txt", "table.csv"]);
  // Drag a row onto a folder: the browser's drag events, carried by one DataTransfer as Chromium does.
  // (Playwright's mouse-driven drag, mouse down then hover, hangs with Debian's Chromium 150.)
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  // The dragged row held by handle: a quick server has moved it out of the listing before dragend, which
  // the browser still fires at the detached element.
  const dragged = (await row(page, "table.csv").elementHandle())!;
  await dragged.dispatchEvent("dragstart", { dataTransfer });
  for (const type of ["dragenter", "dragover", "drop"]) await row(page, "photos").dispatchEvent(type, { dataTransfer });
  await dragged.dispatchEvent("dragend", { dataTransfer });
  await expect.poll(() => names(page)).toEqual(["photos", "big.bin", "notes.txt"]);
  await row(page, "photos").getByRole("link", { name: "photos" }).click();
  await expect.poll(() => names(page)).toEqual(["2026", "a.txt", "renamed.txt", "table.csv"]);

  // Delete to the trash (Delete key), restore from the trash.
  await row(page, "a.txt").click({ position: { x: 200, y: 5 } });
  await page.keyboard.press("Delete");
  await expect.poll(() => names(page)).toEqual(["2026", "renamed.txt", "table.csv"]);
  await page.getByRole("link", { name: "Trash" }).click();
  const trashed = page.getByTestId("trash-row").filter({ hasText: "a.txt" });
  await expect(trashed).toContainText(`from /${folder}/photos`);
  await trashed.getByRole("button", { name: "Restore a.txt" }).click();
  await expect(page.getByText("Restored 1 item")).toBeVisible();
  await page.goto(`${FILES}/${encodeURIComponent(folder)}/photos`);
  await expect.poll(() => names(page)).toEqual(["2026", "a.txt", "renamed.txt", "table.csv"]);

  // The folder as a ZIP: every file inside, with its path.
  const zipStarted = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download ZIP" }).click();
  const zip = await zipStarted;
  expect(zip.suggestedFilename()).toBe("photos.zip");
  const bytes = await downloadText(zip);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  for (const name of ["photos/a.txt", "photos/2026/b.txt", "photos/renamed.txt", "photos/table.csv"])
    expect(bytes.includes(Buffer.from(name))).toBe(true);
});

test("previews the seeded image, opens a file from its shared URL, opens a CSV as a dataset; a stranger gets 404 for every file URL", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${FILES}/images`);
  await row(page, "logo.png").getByRole("button", { name: "logo.png", exact: true }).click();
  const image = page.getByRole("dialog").getByRole("img", { name: "logo.png" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  const fileUrl = page.url();
  expect(fileUrl).toMatch(/\/images\?file=/);

  // The URL opens the preview directly (the sharing module links files this way).
  await page.goto(fileUrl);
  await expect(page.getByRole("dialog").getByRole("img", { name: "logo.png" })).toBeVisible();
  const fileId = new URL(fileUrl).searchParams.get("file")!;
  const root = await page.request.get(`${FILES}`);
  expect(root.status()).toBe(200);
  const listing = await page.request.get(`/api/files/${fileId}/download`);
  expect(listing.status()).toBe(200);

  // A CSV becomes a catalog dataset: the catalog's review page opens for it.
  await page.goto(`${FILES}/reports/2026`);
  await row(page, "q1-sales.csv").getByRole("button", { name: "q1-sales.csv", exact: true }).click();
  await page.getByRole("button", { name: "Open as dataset" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${alice.username}/personal/catalog/ingests/`));
  await expect(page.getByRole("heading", { name: "Confirm the new dataset" })).toBeVisible();
  await expect(page.getByText(/q1-sales\.csv · check the columns/)).toBeVisible();

  // bob is not a member of alice's personal workspace: every file URL is a 404.
  const context = await browser.newContext();
  const bob = await context.newPage();
  await signIn(bob, bobUser.email);
  for (const url of [FILES, `${FILES}/images`, fileUrl, `${FILES}/reports/2026/q1-sales.csv`]) {
    expect((await bob.request.get(url)).status(), url).toBe(404);
    await bob.goto(url);
    await expect(bob.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(bob.getByTestId("entry-row")).toHaveCount(0);
  }
  for (const api of [`/api/files/${fileId}/download`, `/api/files/${fileId}/table`]) {
    expect((await bob.request.get(api)).status()).toBe(404);
  }
  await context.close();
});

test("alice shares a deep folder with bob, who opens it by URL and sees only that subtree", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${FILES}/reports`);
  await row(page, "2026").getByRole("button", { name: "Share 2026" }).click();
  const share = page.getByRole("dialog", { name: "Share “2026”" });
  await share.getByLabel("People or e-mail addresses").fill(bobUser.username);
  await share.getByLabel("People or e-mail addresses").press("Enter");
  await share.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByText(`Shared with ${bobUser.username}`, { exact: true })).toBeVisible();

  const context = await browser.newContext();
  const bob = await context.newPage();
  await signIn(bob, bobUser.email);
  await bob.goto(`${FILES}/reports/2026`);
  await expect.poll(() => names(bob)).toEqual(["q1-sales.csv", "q1-summary.md"]);
  // The folder above is on the path but not readable: plain text, not a link.
  const crumbs = bob.getByRole("navigation", { name: "Folder path" });
  await expect(crumbs.getByText("reports")).toBeVisible();
  await expect(crumbs.getByRole("link", { name: "reports" })).toHaveCount(0);
  await expect(bob.getByRole("button", { name: "Upload files" })).toHaveCount(0); // a viewer
  // The top folder lists only what is shared with him; everything else is 404.
  await crumbs.getByRole("link", { name: "All files" }).click();
  await expect.poll(() => names(bob)).toEqual(["2026"]);
  await expect(bob.getByText("in /reports")).toBeVisible();
  // Unreadable and non-existent paths look the same: a 404.
  for (const url of [`${FILES}/reports`, `${FILES}/data`, `${FILES}/README.md`, `${FILES}/no-such-folder`]) {
    expect((await bob.request.get(url)).status(), url).toBe(404);
    await bob.goto(url);
    await expect(bob.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(bob.getByTestId("entry-row")).toHaveCount(0);
  }
  await context.close();
});
