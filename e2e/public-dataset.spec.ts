import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";
import { signInThroughMailbox } from "./helpers";

// Two people sign in through the mailbox: more time than one page needs.
test.describe.configure({ timeout: 180_000 });

/** A fresh browser context signed in as an account the CLI created (it has a username: no onboarding). */
async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughMailbox(page, `${username}@example.com`);
  await expect(page).toHaveURL(/\/w\//);
  return page;
}

test("a non-member opens a public dataset's page and reads its rows, but not a private one nor the catalog", async ({
  browser,
  request,
}) => {
  const suffix = Date.now().toString(36);
  const ownerName = `pubown${suffix}`;
  const visitorName = `pubvis${suffix}`;
  const token = await createUserWithToken(ownerName);
  await createUserWithToken(visitorName); // a fresh account, member of nothing but its own workspace
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  for (const [name, city] of [
    ["open-stations", "Tromsø"],
    ["closed-stations", "Bergen"],
  ]) {
    const created = await request.post(`/api/v1/ingest/personal/${name}`, {
      headers,
      data: [
        { city, reading: 1 },
        { city: `${city} harbour`, reading: 2 },
      ],
    });
    expect(created.status()).toBe(201);
  }

  const base = `/w/${ownerName}/personal`;
  const owner = await signedIn(browser, ownerName);
  await owner.goto(`${base}/catalog/open-stations`);
  await owner.getByRole("button", { name: "Share", exact: true }).first().click();
  const publicChoice = owner.getByRole("dialog").getByLabel("Public", { exact: true });
  await publicChoice.check();
  await expect(owner.getByText("Every signed-in user can now read this dataset").first()).toBeVisible();

  const visitor = await signedIn(browser, visitorName);
  const opened = await visitor.goto(`${base}/catalog/open-stations`);
  expect(opened?.status()).toBe(200);
  const rows = visitor.getByRole("table", { name: "Dataset rows" });
  await expect(rows.getByRole("cell", { name: "Tromsø harbour" })).toBeVisible();
  await expect(rows.getByRole("cell", { name: "Tromsø", exact: true })).toBeVisible();
  // The sidebar offers nothing of the workspace beyond this dataset.
  await expect(visitor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" })).toHaveCount(0);

  for (const url of [`${base}/catalog/closed-stations`, `${base}/catalog`, `${base}/files`, `${base}/settings`]) {
    const response = await visitor.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(visitor.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
