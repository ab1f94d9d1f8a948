import { expect, test, type Page } from "@playwright/test";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("context");
const SALES = `/w/${alice.username}/sales`;

test.describe.configure({ timeout: 120_000 });

const switcher = (page: Page) => page.getByRole("button", { name: "Switch workspace" });
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function expectInSales(page: Page) {
  await expect(switcher(page)).toContainText("Sales analytics");
  await expect(mainNav(page).getByRole("link", { name: "Catalog" })).toHaveAttribute("href", `${SALES}/catalog`);
  await expect(mainNav(page).getByRole("link", { name: "Files" })).toHaveAttribute("href", `${SALES}/files`);
}

test("Shared with me, Shared by me and Account keep the last workspace; one the user lost access to is not shown", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`${SALES}/catalog`);
  await expectInSales(page);

  await mainNav(page).getByRole("link", { name: "Shared with me" }).click();
  await expect(page.getByRole("heading", { name: "Shared with me" })).toBeVisible();
  await expectInSales(page);
  // Members see the workspace's own pages too.
  await expect(mainNav(page).getByRole("link", { name: "Settings" })).toHaveAttribute("href", `${SALES}/settings`);

  await mainNav(page).getByRole("link", { name: "Shared by me" }).click();
  await expect(page.getByRole("heading", { name: "Shared by me" })).toBeVisible();
  await expectInSales(page);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expectInSales(page);

  // Switching changes what is remembered.
  await switcher(page).click();
  const other = page
    .getByRole("menuitem")
    .filter({ hasNotText: "Sales analytics" })
    .filter({ hasNotText: "New workspace" })
    .first();
  const otherName = (await other.locator("span").first().textContent())!.trim();
  await other.click();
  await expect(page).not.toHaveURL(new RegExp(`${SALES}(/|$)`));
  await expect(switcher(page)).toContainText(otherName);
  await page.goto("/shared/with-me");
  await expect(switcher(page)).toContainText(otherName);
  await expect(mainNav(page).getByRole("link", { name: "Catalog" })).not.toHaveAttribute("href", `${SALES}/catalog`);

  // bob, a member of alice's sales, is there last; alice removes him; his next page outside a
  // workspace no longer shows it (the cookie is checked against what he may see).
  const bobPage = await signedInPage(browser, bob.email);
  await bobPage.goto(`${SALES}/catalog`);
  await expectInSales(bobPage);
  await bobPage.goto("/shared/with-me");
  await expectInSales(bobPage);

  await page.goto(`${SALES}/settings`);
  await page
    .getByRole("list", { name: "Members" })
    .getByRole("listitem")
    .filter({ hasText: bob.username })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Member removed")).toBeVisible();

  await bobPage.goto("/shared/with-me");
  await expect(bobPage.getByRole("heading", { name: "Shared with me" })).toBeVisible();
  await expect(switcher(bobPage)).toContainText("Choose a workspace");
  await expect(mainNav(bobPage).getByRole("link", { name: "Catalog" })).toHaveCount(0);
  await expect(bobPage.getByText("Sales analytics")).toHaveCount(0);
  await bobPage.context().close();
});

test("a signed-out deep link with encoded characters and a query returns there after the e-mail sign-in", async ({
  page,
  browser,
}) => {
  // A folder with spaces in its name.
  await signIn(page, alice.email);
  await page.goto(`${SALES}/files`);
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByLabel("Folder name").fill("Board pack Q3");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("link", { name: "Board pack Q3" }).first()).toBeVisible();

  const deepLink = `${SALES}/files/Board%20pack%20Q3?from=mail&note=a%26b`;
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(deepLink);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  expect(new URL(visitor.url()).searchParams.get("callbackUrl")).toBe(deepLink);

  await visitor.getByLabel("E-mail address").fill(alice.email);
  await visitor.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(visitor.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await visitor.getByRole("link", { name: "Open the local mailbox" }).click();
  await visitor
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /api\/auth\/callback\/email/ })
    .click();

  await expect(visitor).toHaveURL((url) => `${url.pathname}${url.search}` === deepLink);
  await expect(visitor.getByRole("navigation", { name: "Folder path" })).toContainText("Board pack Q3");
  await visitor.context().close();
});

test("a sign-in callback that leaves the app ends on the app", async ({ page }) => {
  for (const evil of ["//evil.example/x", "https://evil.example/x", "/\\evil.example", "/.//evil.example/x"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    // The form carries the cleaned target; signed out, the page stays on the app's own sign-in.
    await expect(page.getByRole("button", { name: "Send me a sign-in link" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  }
  // Signed in, /signin follows the callback at once: it must land on the app.
  await signIn(page, alice.email);
  for (const evil of ["//evil.example/x", "https://evil.example/x", "/\\evil.example", "/.//evil.example/x"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    await expect(page).toHaveURL((url) => url.host === new URL(test.info().project.use.baseURL!).host);
  }
});

test("opened on another origin than APP_URL, a signed-in page says where e-mailed links go; dismissing it sticks", async ({
  page,
}) => {
  const appUrl = new URL(test.info().project.use.baseURL!);
  await signIn(page, alice.email);
  await page.goto("/shared/with-me");
  await expect(page.getByRole("heading", { name: "Shared with me" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Address notice" })).toHaveCount(0);

  // The same server under another name: 127.0.0.1 instead of localhost (APP_URL).
  const other = `http://127.0.0.1:${appUrl.port}`;
  const cookies = await page.context().cookies(appUrl.origin);
  await page.context().addCookies(cookies.map(({ name, value }) => ({ name, value, url: other })));
  await page.goto(`${other}/shared/with-me`);
  const notice = page.getByRole("region", { name: "Address notice" });
  await expect(notice).toContainText(`links in e-mails it sends point to ${appUrl.origin}`);
  await expect(notice).toContainText(other);
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Shared with me" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Address notice" })).toHaveCount(0);
});
