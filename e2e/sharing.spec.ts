import { expect, test, type Page } from "@playwright/test";
import { cli, createUserWithToken, tokenFor } from "./cli-helpers";
import { uniqueEmail } from "./helpers";
import { demoWorld, signIn, signedInPage as signedIn } from "./world";

const { alice, bob: bobUser } = demoWorld("sharing");
const bobsResearch = `${bobUser.username}/research`;

// Several people sign in through the mailbox in each test: more time than one page needs.
test.describe.configure({ timeout: 180_000 });

const contents = (page: Page) => page.getByRole("grid", { name: "Folder contents" });

async function openShareDialog(page: Page, url: string, trigger = "Share") {
  await page.goto(url);
  await page.getByRole("button", { name: trigger, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Share/ })).toBeVisible();
  return dialog;
}

async function shareWith(
  page: Page,
  url: string,
  who: string,
  { role = "viewer", note = "", trigger = "Share", allowAdd = false } = {},
) {
  const dialog = await openShareDialog(page, url, trigger);
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill(who);
  await input.press("Enter");
  await dialog.getByLabel("Role", { exact: true }).selectOption(role);
  if (note) await dialog.getByLabel("Note (optional)").fill(note);
  await dialog.getByLabel("Recipients may add this to one of their workspaces").setChecked(allowAdd);
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("access-row").filter({ hasText: who.toLowerCase() })).toBeVisible();
  return dialog;
}

test("alice invites carol (no account) to one dataset; carol signs up, sees only it; alice revokes and carol's next load is a 404", async ({
  page,
  browser,
}) => {
  const carol = uniqueEmail("carol").replace("@example.com", "@example.org");
  await signIn(page, alice.email);
  const datasetUrl = `/w/${alice.username}/sales/catalog/vessel-positions`;
  const dialog = await shareWith(page, datasetUrl, carol, { note: "The AIS positions we talked about" });
  await expect(dialog.getByTestId("access-row").filter({ hasText: carol })).toContainText("invitation pending");
  await page.keyboard.press("Escape");

  // carol's invitation, in the local mailbox
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/mailbox?to=${encodeURIComponent(carol)}`);
  const mail = visitor.getByTestId("mail").first();
  await expect(mail).toContainText(`${alice.name} shared`);
  await expect(mail).toContainText("Vessel positions");
  await mail.getByRole("link", { name: /\/invite\/share\// }).click();
  await expect(
    visitor.getByRole("heading", { name: new RegExp(`${alice.name} shared .*Vessel positions.* with you`) }),
  ).toBeVisible();
  await visitor.getByRole("button", { name: "Accept and open" }).click();
  // first sign-in: choose a username, then land on the dataset
  const carolName = `carol${Date.now().toString(36)}`;
  await visitor.getByLabel("Username").fill(carolName);
  await visitor.getByRole("button", { name: /Continue|Save|Create/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`${datasetUrl}$`));
  await expect(visitor.getByRole("heading", { name: "Vessel positions", level: 1 })).toBeVisible();

  // only that dataset exists for her in alice's workspace
  await visitor.goto(`/w/${alice.username}/sales/catalog`);
  await expect(
    visitor
      .getByRole("list", { name: "Datasets" })
      .getByRole("listitem", { name: /./ })
      .filter({ has: visitor.getByRole("heading") }),
  ).toHaveCount(1);
  await expect(visitor.getByText("Vessel positions").first()).toBeVisible();
  await expect(visitor.getByText("Orders 2026")).toHaveCount(0);
  for (const url of [
    `/w/${alice.username}/sales/catalog/orders-2026`,
    `/w/${alice.username}/sales/catalog/sensor-readings`,
    `/w/${alice.username}/personal/files`,
    `/w/${alice.username}/personal/files/reports`,
    `/w/${alice.username}/sales/settings`,
  ]) {
    const response = await visitor.goto(url);
    expect(response?.status(), url).toBe(404);
  }

  // alice revokes; carol's next request is refused and she is told by e-mail
  const again = await openShareDialog(page, datasetUrl);
  // accepted: the grant now names her account
  await again.getByRole("button", { name: `Revoke access of ${carolName}` }).click();
  await expect(again.getByTestId("access-row").filter({ hasText: carolName })).toHaveCount(0);
  const gone = await visitor.goto(datasetUrl);
  expect(gone?.status()).toBe(404);
  await visitor.goto(`/mailbox?to=${encodeURIComponent(carol)}`);
  await expect(visitor.getByTestId("mail").first()).toContainText(/no longer|ended|removed/i);
});

test("bob adds a dataset shared with him to his workspace only once alice allows it; its members can read it; alice sees them and is told", async ({
  page,
  browser,
  request,
}) => {
  const aliceToken = await tokenFor(alice.username);
  const name = `field-notes-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${aliceToken}` },
    data: [
      { site: "Lofoten", species: "puffin", count: 41 },
      { site: "Runde", species: "gannet", count: 12 },
    ],
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const url = `/w/${alice.username}/personal/catalog/${name}`;
  const rita = `rita${Date.now().toString(36)}`;
  await createUserWithToken(rita);
  await cli("workspace", "add-member", "--workspace", bobsResearch, "--username", rita);

  await signIn(page, alice.email);
  // off by default: bob is offered nothing
  const first = await shareWith(page, url, bobUser.username, { role: "viewer" });
  await expect(first.getByTestId("access-row").filter({ hasText: bobUser.username })).not.toContainText(
    "may add to their workspaces",
  );
  const bob = await signedIn(browser, bobUser.email);
  await bob.goto("/shared/with-me");
  await expect(bob.getByTestId("shared-item").filter({ hasText: name })).toBeVisible();
  await expect(bob.getByLabel(`Add ${name} to a workspace`)).toHaveCount(0);

  // alice ticks the option and shares again (no second e-mail to bob)
  const second = await shareWith(page, url, bobUser.username, { role: "viewer", allowAdd: true });
  await expect(second.getByTestId("access-row").filter({ hasText: bobUser.username })).toContainText(
    "may add to their workspaces",
  );
  await page.keyboard.press("Escape");
  await bob.goto("/shared/with-me");
  const select = bob.getByLabel(`Add ${name} to a workspace`);
  const research = await select.locator("option", { hasText: /research/i }).getAttribute("value");
  await select.selectOption(research!);
  await expect(bob.getByText("Added to your workspace")).toBeVisible();

  const member = await signedIn(browser, `${rita}@example.com`);
  const response = await member.goto(url);
  expect(response?.status()).toBe(200);
  await expect(member.getByRole("heading", { name, level: 1 })).toBeVisible();

  const dialog = await openShareDialog(page, url);
  await expect(dialog.getByLabel("Or share with a workspace")).toContainText("Research");
  // Who has access: bob keeps his own grant, and names the people the workspace reaches
  await expect(dialog.getByTestId("access-row").filter({ hasText: rita })).toContainText(
    `through the workspace ${bobsResearch}`,
  );
  await expect(dialog.getByRole("button", { name: `Revoke access of ${bobUser.username}`, exact: true })).toBeVisible();
  await page.keyboard.press("Escape");

  // alice was told by e-mail
  const mailbox = await (await browser.newContext()).newPage();
  await mailbox.goto(`/mailbox?to=${encodeURIComponent(alice.email)}`);
  await expect(
    mailbox
      .getByTestId("mail")
      .filter({ hasText: `${bobUser.name} added ${name} to the workspace ${bobsResearch}` })
      .first(),
  ).toBeVisible();

  // alice finds both grants (bob's and his workspace's) under Shared by me by searching the dataset's name
  await page.goto("/shared/by-me");
  await page.getByRole("form", { name: "Filter grants" }).getByLabel("Search").fill(name.toUpperCase());
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${name.toUpperCase()}`));
  const rows = page.getByTestId("shared-by-me-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `Workspace ${bobsResearch}` })).toHaveCount(1);
  await expect(page.getByText("Show more")).toHaveCount(0);
});

test("a folder shared with bob as editor lets him upload into a subfolder created after the grant; a viewer cannot upload", async ({
  page,
  browser,
}) => {
  const viewerName = `vic${Date.now().toString(36)}`;
  await createUserWithToken(viewerName);
  const folder = `shared-${Date.now().toString(36)}`;
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/files`);
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByLabel("Folder name").fill(folder);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(contents(page).getByRole("link", { name: folder })).toBeVisible();
  await shareWith(page, `/w/${alice.username}/personal/files`, bobUser.username, {
    role: "editor",
    trigger: `Share ${folder}`,
  });
  await page.keyboard.press("Escape");
  await shareWith(page, `/w/${alice.username}/personal/files`, viewerName, {
    role: "viewer",
    trigger: `Share ${folder}`,
  });
  await page.keyboard.press("Escape");
  // created after the grants
  await page.goto(`/w/${alice.username}/personal/files/${folder}`);
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByLabel("Folder name").fill("later");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(contents(page).getByRole("link", { name: "later" })).toBeVisible();

  const bob = await signedIn(browser, bobUser.email);
  await bob.goto(`/w/${alice.username}/personal/files/${folder}/later`);
  await bob
    .locator('input[type="file"]:not([webkitdirectory])')
    .first()
    .setInputFiles({ name: "from-bob.txt", mimeType: "text/plain", buffer: Buffer.from("bob was here\n") });
  await expect(bob.getByRole("grid", { name: "Folder contents" }).getByText("from-bob.txt")).toBeVisible({
    timeout: 20_000,
  });
  expect((await bob.goto(`/w/${alice.username}/personal/files/reports`))?.status()).toBe(404);

  const viewer = await signedIn(browser, `${viewerName}@example.com`);
  await viewer.goto(`/w/${alice.username}/personal/files/${folder}/later`);
  await expect(viewer.getByRole("grid", { name: "Folder contents" }).getByText("from-bob.txt")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Upload/ })).toHaveCount(0);
  await expect(viewer.locator('input[type="file"]')).toHaveCount(0);
});

test("Shared with me shows the newest 200 grants first, and Show more the rest", async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const owner = `olga${stamp}`;
  const reader = `rui${stamp}`;
  const token = await createUserWithToken(owner);
  await createUserWithToken(reader);
  const auth = { Authorization: `Bearer ${token}` };
  const names = Array.from({ length: 205 }, (_, i) => `set-${String(i).padStart(3, "0")}`);
  for (let i = 0; i < names.length; i += 8) {
    await Promise.all(
      names.slice(i, i + 8).map(async (name) => {
        const made = await request.post(`/api/v1/ingest/personal/${name}`, { headers: auth, data: [{ n: i }] });
        expect(made.status(), await made.text()).toBeLessThan(300);
        const shared = await request.post(`/api/v1/permissions/datasets/${owner}/personal/${name}/shares`, {
          headers: auth,
          data: { username: reader, role: "viewer" },
        });
        expect(shared.status(), await shared.text()).toBe(200);
      }),
    );
  }

  await signIn(page, `${reader}@example.com`);
  await page.goto("/shared/with-me");
  const items = page.getByTestId("shared-item");
  await expect(items).toHaveCount(200);
  await expect(page.getByText("Showing the newest 200.")).toBeVisible();
  await page.getByRole("link", { name: "Show more" }).click();
  await expect(items).toHaveCount(205);
  await expect(page.getByRole("link", { name: "Show more" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/shared\/with-me\?show=400$/);
});
