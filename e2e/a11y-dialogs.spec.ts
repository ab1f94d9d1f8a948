// Accessibility, proven (issue 18 point 7), the dialogs: axe-core (WCAG 2.0/2.1 A and AA) on every dialog of
// sharing and the file browser while it is open, in the light and the dark colour scheme (e2e/a11y.spec.ts
// checks the pages). Any serious or critical violation fails, listing each with where it was found.
import { expect, test } from "@playwright/test";
import { axeAudit, createAccessLink, openShareDialog } from "./helpers";
import { demoWorld, signIn } from "./world";

const { alice, bob } = demoWorld("axedlg");
const SALES = `/w/${alice.username}/sales`;
const FILES = `/w/${alice.username}/personal/files`;
const DATASET = `${SALES}/catalog/vessel-positions`;

// Each dialog checked twice on a machine shared with other jobs: minutes, not seconds.
test.describe.configure({ timeout: 600_000 });

test("open dialogs: share (each tab), access link created, new folder, upload and its name clash, move, rename, delete confirmation", async ({
  page,
}) => {
  const axe = axeAudit();
  await signIn(page, alice.email);

  const share = await openShareDialog(page, DATASET, "Share");
  await axe.check(page, "share dialog: people");
  const input = share.getByLabel("People or e-mail addresses");
  await input.fill("not-an-address@");
  await input.press("Enter");
  await input.fill(bob.email);
  await input.press("Enter");
  await expect(share.getByTestId("grantee-chip").filter({ hasText: "not-an-address@" })).toHaveAttribute(
    "data-invalid",
    "true",
  );
  await axe.check(page, "share dialog: chips, one marked invalid, and the note, end date and Share");
  await share.getByRole("button", { name: "Remove not-an-address@" }).click();
  await share.getByRole("button", { name: "Share", exact: true }).click();
  await expect(share.getByTestId("access-row").filter({ hasText: bob.username }).first()).toBeVisible();
  await axe.check(page, "share dialog: people with access");
  await share.getByRole("tab", { name: "Access links" }).click();
  await expect(share.getByRole("button", { name: "Create link" })).toBeVisible();
  await axe.check(page, "share dialog: access links");
  await share.getByRole("tab", { name: "History" }).click();
  await expect(share.getByRole("tabpanel", { name: "History" })).toBeVisible();
  await axe.check(page, "share dialog: history");
  await page.keyboard.press("Escape");

  const { dialog: links } = await createAccessLink(page, DATASET, "Share", "Axe check");
  await expect(links.getByTestId("link-row").filter({ hasText: "Axe check" })).toBeVisible();
  await axe.check(page, "access link created");
  await page.keyboard.press("Escape");

  await page.goto(FILES);
  const grid = page.getByRole("grid", { name: "Folder contents" });
  await expect(grid).toBeVisible();
  await page.getByRole("button", { name: "New folder" }).click();
  await expect(page.getByRole("dialog", { name: "New folder" })).toBeVisible();
  await axe.check(page, "new folder dialog");
  await page.getByLabel("Folder name").fill("Axe uploads");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(grid.getByRole("link", { name: "Axe uploads" })).toBeVisible();

  await page.goto(`${FILES}/${encodeURIComponent("Axe uploads")}`);
  const note = { name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("checked by axe\n") };
  await page.getByLabel("Files to upload").setInputFiles(note);
  await expect(grid.getByRole("button", { name: "note.txt", exact: true })).toBeVisible();
  await axe.check(page, "upload progress");
  await page.getByLabel("Files to upload").setInputFiles(note);
  await expect(page.getByRole("dialog", { name: "An item with this name already exists" })).toBeVisible();
  await axe.check(page, "upload name clash dialog");
  await page.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByLabel("Select note.txt").check();
  await page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "Move…" }).click();
  await expect(page.getByRole("dialog", { name: "Move to…" })).toBeVisible();
  await axe.check(page, "move dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("dialog", { name: "Rename" })).toBeVisible();
  await axe.check(page, "rename dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "Delete" }).click();
  await expect(grid.getByRole("button", { name: "note.txt", exact: true })).toBeHidden();

  await page.goto(`${FILES}?view=trash`);
  await expect(page.getByTestId("trash-row").filter({ hasText: "note.txt" })).toBeVisible();
  await axe.check(page, "trash with items");
  await page.getByRole("button", { name: "Empty trash" }).click();
  await expect(page.getByRole("dialog", { name: "Empty the trash?" })).toBeVisible();
  await axe.check(page, "empty the trash confirmation");
  await page.keyboard.press("Escape");

  await openShareDialog(page, FILES, "Share reports");
  await axe.check(page, "share dialog on a folder");
  await page.keyboard.press("Escape");

  await page.goto(`${SALES}/settings`);
  await page.getByRole("button", { name: "Delete workspace…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await axe.check(page, "delete workspace confirmation");
  await page.keyboard.press("Escape");

  expect(axe.checked.length).toBeGreaterThanOrEqual(14);
  axe.expectNoViolations();
});
