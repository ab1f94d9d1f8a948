// Accessibility, proven (issue 18 point 7): axe-core with the WCAG 2.0/2.1 A and AA rules on every main page
// and open dialog, signed in and signed out through access links, in the light and the dark colour scheme.
// Any serious or critical violation fails the test, and the failure lists every one with where it was found.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations, type AxeFinding } from "./helpers";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("axe");
const SALES = `/w/${alice.username}/sales`;
const FILES = `/w/${alice.username}/personal/files`;
const DATASET = `${SALES}/catalog/vessel-positions`;

// Dozens of pages, each checked twice: more than one page's minute on a shared machine.
test.describe.configure({ timeout: 300_000 });

/** Checks pages and dialogs as they are shown, in both colour schemes, and fails once with every finding. */
function audit() {
  const checked: string[] = [];
  const found: AxeFinding[] = [];
  return {
    checked,
    async check(page: Page, where: string) {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        found.push(...(await axeViolations(page, `${where} (${colorScheme})`)));
      }
      await page.emulateMedia({ colorScheme: "light" });
      checked.push(where);
    },
    expectNoViolations() {
      const list = found.map((f) => `${f.where}: ${f.impact} ${f.rule} (${f.help})\n    ${f.targets.join("\n    ")}`);
      if (list.length) console.log(`axe found ${list.length} serious or critical violations:\n${list.join("\n")}`);
      expect(list, "serious or critical axe violations").toEqual([]);
    },
  };
}

async function visit(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  await page.goto(url);
  await ready(page);
}
const heading = (name: string | RegExp) => (page: Page) =>
  expect(page.getByRole("heading", { name }).first()).toBeVisible();
/** The page's own title: the first-level heading of its main content. */
const title = (name: string) => (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name, exact: true }).last()).toBeVisible();

async function openShare(page: Page, url: string, trigger: string) {
  await page.goto(url);
  await page.getByRole("button", { name: trigger, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Share/ })).toBeVisible();
  return dialog;
}

/** A read-only access link made in the share dialog, as a manager makes one; answers its path. */
async function createLink(page: Page, url: string, trigger: string, label: string) {
  const dialog = await openShare(page, url, trigger);
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill(label);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByTestId("new-link").inputValue();
  return { dialog, path: new URL(link).pathname };
}

async function visitor(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("open dialogs: share (each tab), access link created, new folder, upload and its name clash, move, rename, delete confirmation", async ({
  page,
}) => {
  const axe = audit();
  await signIn(page, alice.email);

  const share = await openShare(page, DATASET, "Share");
  await axe.check(page, "share dialog: people");
  const input = share.getByLabel("People or e-mail addresses");
  await input.fill(bob.email);
  await input.press("Enter");
  await share.getByRole("button", { name: "Share", exact: true }).click();
  await expect(share.getByTestId("access-row").filter({ hasText: bob.username })).toBeVisible();
  await axe.check(page, "share dialog: people with access");
  await share.getByRole("tab", { name: "Access links" }).click();
  await expect(share.getByRole("button", { name: "Create link" })).toBeVisible();
  await axe.check(page, "share dialog: access links");
  await share.getByRole("tab", { name: "History" }).click();
  await expect(share.getByRole("tabpanel", { name: "History" })).toBeVisible();
  await axe.check(page, "share dialog: history");
  await page.keyboard.press("Escape");

  const { dialog: links } = await createLink(page, DATASET, "Share", "Axe check");
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

  await openShare(page, FILES, "Share reports");
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

test("signed-in pages: catalog, dataset, files, preview, trash, activity, settings, sharing lists, account, docs, mailbox", async ({
  page,
  browser,
}) => {
  const axe = audit();
  await signIn(page, alice.email);

  // The workspace's top page is its catalog.
  await visit(page, SALES, title("Data catalog"));
  await expect(page.getByRole("list", { name: "Datasets" })).toBeVisible();
  await axe.check(page, "workspace top: catalog");
  await visit(page, DATASET, title("Vessel positions"));
  await expect(
    page.getByRole("main").getByRole("grid").or(page.getByRole("main").getByRole("table")).first(),
  ).toBeVisible();
  await axe.check(page, "dataset page with grid");
  await page.locator("#dataset-versions").scrollIntoViewIfNeeded();
  await expect(page.getByRole("heading", { name: "Versions" })).toBeVisible();
  await axe.check(page, "dataset versions");
  await visit(page, `${SALES}/catalog/new`, title("New dataset"));
  await axe.check(page, "new dataset");

  const grid = page.getByRole("grid", { name: "Folder contents" });
  await visit(page, FILES, () => expect(grid).toBeVisible());
  await axe.check(page, "files");
  await visit(page, `${FILES}/reports/2026`, () => expect(grid.getByText("q1-summary.md")).toBeVisible());
  await axe.check(page, "folder");
  await grid.getByRole("button", { name: "q1-summary.md", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await axe.check(page, "file preview (text)");
  await page.goto(`${FILES}/images`);
  await grid.getByRole("button", { name: "logo.png", exact: true }).click();
  await expect(page.getByRole("dialog").getByRole("img", { name: "logo.png" })).toBeVisible();
  await axe.check(page, "file preview (image)");
  await visit(page, `${FILES}?view=trash`, title("Trash"));
  await expect(
    page
      .getByTestId("trash-row")
      .first()
      .or(page.getByRole("heading", { name: "The trash is empty" })),
  ).toBeVisible();
  await axe.check(page, "trash");

  await visit(page, `${SALES}/activity`, title("Activity"));
  await axe.check(page, "activity");
  await visit(page, `${SALES}/settings`, () => expect(page.getByRole("heading", { name: "Members" })).toBeVisible());
  await axe.check(page, "settings and members");
  await visit(page, "/shared/with-me", title("Shared with me"));
  await axe.check(page, "shared with me");
  await visit(page, "/shared/by-me", title("Shared by me"));
  await axe.check(page, "shared by me");
  await visit(page, "/account", title("Account"));
  await axe.check(page, "account");
  await visit(page, "/workspaces/new", title("New workspace"));
  await axe.check(page, "new workspace");
  await visit(page, "/docs/api", title("Datashelf API"));
  await axe.check(page, "API docs");
  await visit(page, "/mailbox", title("Local mailbox"));
  await axe.check(page, "mailbox");

  // A member sees the workspace without manager controls; what bob was shared shows on his list.
  const bobPage = await signedInPage(browser, bob.email);
  await visit(bobPage, `${SALES}/catalog`, title("Data catalog"));
  await axe.check(bobPage, "catalog as a member");
  await visit(bobPage, "/shared/with-me", title("Shared with me"));
  await axe.check(bobPage, "shared with me, as a grantee");
  await bobPage.context().close();

  expect(axe.checked.length).toBeGreaterThanOrEqual(18);
  axe.expectNoViolations();
});

test("signed-out pages: sign-in, links to a dataset and to a folder, a password prompt, an unavailable link, 404", async ({
  page,
  browser,
}) => {
  const axe = audit();
  await signIn(page, alice.email);
  const dataset = await createLink(page, DATASET, "Share", "Axe dataset link");
  const folder = await createLink(page, FILES, "Share reports", "Axe folder link");

  const guest = await visitor(browser);
  await visit(guest, "/signin", (p) => expect(p.getByLabel("E-mail address")).toBeVisible());
  await axe.check(guest, "sign-in");
  await guest.getByLabel("E-mail address").fill(`axe.${Date.now().toString(36)}@example.com`);
  await guest.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(guest.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await axe.check(guest, "check your e-mail");

  await visit(guest, dataset.path, title("Vessel positions"));
  await axe.check(guest, "access link: dataset");
  await visit(guest, folder.path, (p) => expect(p.getByRole("grid", { name: "Folder contents" })).toBeVisible());
  await axe.check(guest, "access link: folder");
  await guest.getByRole("grid", { name: "Folder contents" }).getByRole("link", { name: "2026" }).click();
  await guest
    .getByRole("grid", { name: "Folder contents" })
    .getByRole("button", { name: "q1-summary.md", exact: true })
    .click();
  await expect(guest.getByRole("dialog")).toBeVisible();
  await axe.check(guest, "access link: file preview");

  const locked = await openShare(page, FILES, "Share reports");
  await locked.getByRole("tab", { name: "Access links" }).click();
  await locked.getByLabel("Label (optional)").fill("Axe password link");
  await locked.getByLabel("Password (optional)").fill("correct horse");
  await locked.getByRole("button", { name: "Create link" }).click();
  const lockedPath = new URL(await locked.getByTestId("new-link").inputValue()).pathname;
  await visit(guest, lockedPath, heading("This link is protected by a password"));
  await axe.check(guest, "access link: password prompt");

  // Unknown, expired and revoked links all get this same page.
  await visit(guest, `/s/${"x".repeat(32)}`, heading("Link not available"));
  await axe.check(guest, "link not available");
  await visit(guest, "/no-such-page", heading("Page not found"));
  await axe.check(guest, "404");
  await guest.context().close();

  expect(axe.checked.length).toBeGreaterThanOrEqual(8);
  axe.expectNoViolations();
});
