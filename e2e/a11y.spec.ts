// Accessibility, proven (issue 18 point 7): axe-core with the WCAG 2.0/2.1 A and AA rules on every main page,
// signed in, as a member and a grantee, and signed out through access links, in the light and the dark colour
// scheme (e2e/a11y-dialogs.spec.ts checks the open dialogs). Any serious or critical violation fails the test,
// and the failure lists every one with where it was found.
import { expect, test, type Page } from "@playwright/test";
import { axeAudit, createAccessLink } from "./helpers";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("axe");
const SALES = `/w/${alice.username}/sales`;
const FILES = `/w/${alice.username}/personal/files`;
const DATASET = `${SALES}/catalog/vessel-positions`;

// Dozens of pages, each checked twice on a machine shared with other jobs: minutes, not seconds.
test.describe.configure({ timeout: 600_000 });

async function visit(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  await page.goto(url);
  await ready(page);
}
/** The page's own title: the first-level heading of its main content. */
const title = (name: string) => (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name, exact: true }).last()).toBeVisible();
const heading = (name: string | RegExp) => (page: Page) =>
  expect(page.getByRole("heading", { name }).first()).toBeVisible();

test("signed-in pages: catalog, dataset, files, preview, trash, activity, settings, sharing lists, account, docs, mailbox", async ({
  page,
  browser,
}) => {
  const axe = axeAudit();
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
  const axe = axeAudit();
  await signIn(page, alice.email);
  const dataset = await createAccessLink(page, DATASET, "Share", "Axe dataset link");
  const folder = await createAccessLink(page, FILES, "Share reports", "Axe folder link");

  const guest = await (await browser.newContext()).newPage();
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

  const locked = await createAccessLink(page, FILES, "Share reports", "Axe password link", "correct horse");
  await visit(guest, locked.path, heading("This link is protected by a password"));
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
