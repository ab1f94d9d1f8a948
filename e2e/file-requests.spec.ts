import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("filereq");
const REPORTS = `/w/${alice.username}/personal/files/reports`;

const row = (page: Page, name: string) => page.locator(`[data-testid="entry-row"][data-name="${name}"]`);

function tempFile(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ds-e2e-request-")), name);
  fs.writeFileSync(file, content);
  return file;
}

test("alice requests files into a folder; a signed-out visitor sends one and sees nothing else; the count limit refuses a second", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, alice.email);
  await page.goto(REPORTS);
  await expect(row(page, "2026")).toBeVisible();

  await page.getByRole("button", { name: "Request files" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title", { exact: true }).fill("Quarterly receipts");
  await dialog.getByLabel("Message to uploaders (optional)").fill("Please send your receipts for Q1.");
  await dialog.getByLabel("Largest file (MB)").fill("1");
  await dialog.getByLabel("Files in total").fill("1");
  await dialog.getByRole("button", { name: "Create file request" }).click();
  const url = await dialog.getByLabel("File request link").inputValue();
  expect(url).toMatch(/\/s\/sl_/);
  await expect(dialog.getByText("0 of 1 files received")).toBeVisible();
  await page.keyboard.press("Escape");

  // A visitor without an account, in a browser of their own.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole("heading", { name: "Quarterly receipts" })).toBeVisible();
  await expect(visitor.getByText("Please send your receipts for Q1.")).toBeVisible();
  await expect(visitor.getByText(/Files up to 1\.0 MB each; this request takes 1 file in total/)).toBeVisible();
  // Nothing of the folder: not its name, not what is in it.
  const body = await visitor.locator("body").innerText();
  for (const hidden of ["q1-sales.csv", "q1-summary.md", "reports"]) expect(body).not.toContain(hidden);
  await expect(visitor.getByText("2026", { exact: true })).toHaveCount(0); // the folder inside
  await expect(visitor.getByTestId("entry-row")).toHaveCount(0);

  // Without a name nothing is sent.
  await visitor.getByLabel("Files to send").setInputFiles(tempFile("receipt.txt", "coffee 3.20\n"));
  await expect(visitor.getByText("Enter your name, so the requester knows who sent the files.")).toBeVisible();
  await visitor.getByLabel("Your name").fill("Vera Visitor");
  await visitor.getByLabel("Files to send").setInputFiles(tempFile("receipt.txt", "coffee 3.20\n"));
  await expect(visitor.getByRole("listitem").filter({ hasText: "receipt.txt" })).toContainText("Received");
  await expect(visitor.getByText("1 file received in this browser session.")).toBeVisible();

  // The request takes one file: a second one is refused with the reason.
  await visitor.getByLabel("Files to send").setInputFiles(tempFile("second.txt", "taxi 12.00\n"));
  await expect(visitor.getByRole("listitem").filter({ hasText: "second.txt" })).toContainText(
    "This request takes 1 file in total and has them all; no more files can be sent.",
  );
  await expect(visitor.getByText("1 file received in this browser session.")).toBeVisible();
  // The folder's own pages stay closed to the visitor.
  await visitor.goto(`${new URL(url).origin}${REPORTS}`);
  await expect(visitor).toHaveURL(/\/signin/);
  await visitorContext.close();

  // alice sees the file, named for its sender.
  await page.goto(REPORTS);
  await expect(row(page, "receipt.txt")).toBeVisible();
  await expect(row(page, "receipt.txt")).toContainText("Vera Visitor (file request)");
  await expect(row(page, "second.txt")).toHaveCount(0);

  // Revoked, the link page is gone.
  await page.getByRole("button", { name: "Request files" }).click();
  await expect(page.getByRole("dialog").getByText("1 of 1 files received")).toBeVisible();
  await page.getByRole("button", { name: "Revoke Quarterly receipts" }).click();
  await expect(page.getByRole("dialog").getByText(/revoked/)).toBeVisible();
  const after = await browser.newContext();
  const late = await after.newPage();
  await late.goto(url);
  await expect(late.getByRole("heading", { name: "Quarterly receipts" })).toHaveCount(0);
  await after.close();
});
