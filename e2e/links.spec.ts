import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("links");

test("a password-protected folder link: a signed-out visitor browses, previews and downloads inside it and nothing outside; revoked means not available", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/files/data`);
  const outsideHref = await page.getByRole("link", { name: "Download customers.csv" }).getAttribute("href");
  const outsideId = outsideHref!.split("/api/files/")[1]!.split("/")[0]!;

  await page.goto(`/w/${alice.username}/personal/files`);
  await page.getByRole("button", { name: "Share reports" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill("Auditors");
  await dialog.getByLabel("Password (optional)").fill("correct horse");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByTestId("new-link").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{22,}$/);
  const path = new URL(url).pathname;
  await expect(dialog.getByTestId("link-row").filter({ hasText: "Auditors" })).toContainText("password");

  const visitor = await (await browser.newContext()).newPage();
  const first = await visitor.goto(path);
  expect(first?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(first?.headers()["cache-control"]).toContain("no-store");
  expect(first?.headers()["cache-control"]).toContain("private");
  await expect(visitor.getByRole("heading", { name: "This link is protected by a password" })).toBeVisible();
  await visitor.getByLabel("Password").fill("not the password");
  await visitor.getByRole("button", { name: "Open" }).click();
  await expect(visitor.getByText("That password is not right.")).toBeVisible();
  await visitor.getByLabel("Password").fill("correct horse");
  await visitor.getByRole("button", { name: "Open" }).click();

  await expect(visitor.getByText("Read-only link")).toBeVisible();
  await visitor.getByRole("grid", { name: "Folder contents" }).getByRole("link", { name: "2026" }).click();
  await expect(visitor).toHaveURL(new RegExp(`${path}/2026$`));
  await visitor
    .getByRole("grid", { name: "Folder contents" })
    .getByRole("button", { name: "q1-summary.md", exact: true })
    .click();
  await expect(visitor.getByText("Revenue grew 12% over Q4 2025")).toBeVisible();
  await visitor.keyboard.press("Escape");
  const [download] = await Promise.all([
    visitor.waitForEvent("download"),
    visitor.getByRole("link", { name: "Download q1-sales.csv" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("q1-sales.csv");
  const body = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(body).toString()).toContain("month,region,orders,revenue_eur");
  await expect(visitor.getByRole("button", { name: /Upload|New folder/ })).toHaveCount(0);

  // nothing outside the linked folder, whatever the URL
  for (const outside of [`${path}/data`, `${path}/..`, `${path}/2026/../../data`]) {
    const response = await visitor.goto(outside);
    expect(response?.status(), outside).toBe(404);
  }
  const token = path.split("/s/")[1]!;
  expect((await visitor.request.get(`/api/files/${outsideId}/download?link=${token}`)).status()).toBe(404);
  expect((await visitor.goto(`/w/${alice.username}/personal/files/data`))?.url()).toContain("/signin");

  // revoke: the very next request shows "link not available"
  await dialog.getByRole("button", { name: "Revoke link Auditors" }).click();
  await expect(dialog.getByTestId("link-row").filter({ hasText: "Auditors" })).toContainText("revoked");
  const after = await visitor.goto(`${path}/2026`);
  expect(after?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "Link not available" })).toBeVisible();
  const unknown = await visitor.goto(`/s/${"x".repeat(32)}`);
  expect(unknown?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "Link not available" })).toBeVisible();
});
