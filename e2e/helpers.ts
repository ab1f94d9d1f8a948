import { expect, type Page } from "@playwright/test";

/** Signs in through the real flow: request a magic link, open it from the local mailbox. */
export async function signInThroughMailbox(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await page.getByRole("link", { name: "Open the local mailbox" }).click();
  const link = page
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /api\/auth\/callback\/email/ });
  const href = await link.getAttribute("href");
  await link.click();
  return href!;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}
