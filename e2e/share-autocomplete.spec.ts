import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const world = demoWorld("acp");

test("the share dialog's autocomplete asks once typing pauses, and says when it cannot suggest", async ({ page }) => {
  // The page's clock is ours: a busy CI machine stalling the browser between two keystrokes must not read as a pause.
  await page.clock.install();
  await signIn(page, world.alice.email);
  await page.goto(`/w/${world.alice.username}/sales/catalog/vessel-positions`);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  const input = dialog.getByLabel("People or e-mail addresses");
  await expect(input).toBeVisible();

  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/sharing/collaborators")) asked.push(new URL(r.url()).searchParams.get("q") ?? "");
  });
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  await input.pressSequentially("nobody-typed-this", { delay: 30 });
  await page.clock.runFor(100);
  expect(asked).toEqual([]);
  await page.clock.runFor(300);
  await expect.poll(() => asked).toEqual(["nobody-typed-this"]);
  await page.clock.runFor(2_000);
  expect(asked).toEqual(["nobody-typed-this"]);
  await page.clock.resume();

  // An answer the server refuses is said, not swallowed.
  await input.fill("x".repeat(201));
  await expect(dialog.getByRole("alert")).toHaveText("Suggestions are unavailable: Type at most 200 characters.");
});
