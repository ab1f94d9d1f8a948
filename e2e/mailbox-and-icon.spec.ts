import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./helpers";

test("/favicon.ico is the app's icon, not a 404", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
});

test("the button inside an opened mailbox message opens its link in a new tab", async ({ page }) => {
  const email = uniqueEmail("frame");
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();

  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByTestId("mail").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/mailbox\/[^/?]+$/);
  const button = page.frameLocator('iframe[title="Message"]').getByRole("link", { name: "Sign in" });
  const [opened] = await Promise.all([page.waitForEvent("popup"), button.click()]);
  // The new tab follows the sign-in link into the app (a new address lands on onboarding).
  await expect(opened).toHaveURL(/\/(onboarding|w\/)/);
});
