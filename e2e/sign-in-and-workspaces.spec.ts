import { expect, test } from "@playwright/test";
import { signInThroughMailbox, uniqueEmail } from "./helpers";
import { demoWorld } from "./world";

const { alice, bob } = demoWorld("signin");

test("a new user signs in through the mailbox, picks a username, creates a workspace and switches with the dropdown", async ({
  page,
}) => {
  const email = uniqueEmail("Newbie");
  const magicLink = await signInThroughMailbox(page, email);

  await expect(page).toHaveURL(/\/onboarding/);
  const username = page.getByLabel("Username");
  await expect(username).toHaveValue(/^newbie/); // suggested from the e-mail
  const chosen = `nb-${Date.now().toString(36)}`;
  await username.fill("admin");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That username is reserved").first()).toBeVisible();
  await username.fill(chosen);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(new RegExp(`/w/${chosen}/personal/catalog$`));
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText("Personal");
  await expect(page.getByRole("heading", { name: "No datasets yet" })).toBeVisible();

  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("menuitem", { name: "+ New workspace" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Team Data");
  await expect(page.getByLabel("URL name")).toHaveValue("team-data");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${chosen}/team-data/catalog$`));
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText("Team Data");

  // A duplicate URL name is refused with a clear message.
  await page.goto("/workspaces/new");
  await page.getByLabel("Name", { exact: true }).fill("Team Data");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText(/already have a workspace/).first()).toBeVisible();

  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("menuitem", { name: /Personal/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${chosen}/personal/catalog$`));

  // The magic link worked once; a second use gets a clear page, not a stack trace.
  await page.goto(magicLink);
  await expect(page.getByRole("heading", { name: "This sign-in link has expired or was already used" })).toBeVisible();
});

test("alice signs in through the mailbox and sees her workspaces", async ({ page }) => {
  await signInThroughMailbox(page, alice.email);
  await expect(page).toHaveURL(new RegExp(`/w/${alice.username}/personal/catalog$`));
  await page.getByRole("button", { name: "Switch workspace" }).click();
  await expect(page.getByRole("menuitem", { name: /Sales analytics/ })).toBeVisible();
  await page.getByRole("menuitem", { name: /Sales analytics/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${alice.username}/sales/catalog$`));

  // A workspace that does not exist, and bob's that alice cannot read, are the same 404.
  for (const url of [`/w/${alice.username}/nope`, `/w/${bob.username}/research`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("an invalid e-mail gets a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill("not-an-email");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByText(/Enter a valid e-mail address/)).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  // Through the mailbox, not a saved session: signing out ends the session for good.
  await signInThroughMailbox(page, bob.email);
  await expect(page).toHaveURL(new RegExp(`/w/${bob.username}/personal/catalog$`));
  // A click before the menu has hydrated opens nothing: open it until the item shows.
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  await expect(async () => {
    await page.getByRole("button", { name: "Account menu" }).click();
    await expect(signOut).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await signOut.click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(`/w/${bob.username}/personal/catalog`);
  await expect(page).toHaveURL(/\/signin/);
});
