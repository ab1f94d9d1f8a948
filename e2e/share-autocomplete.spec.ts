import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const world = demoWorld("acp");

test("the share dialog's autocomplete asks once typing pauses, and says when it cannot suggest", async ({ page }) => {
  await signIn(page, world.alice.email);
  await page.goto(`/w/${world.alice.username}/sales/catalog/vessel-positions`);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  const input = dialog.getByLabel("People or e-mail addresses");

  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/sharing/collaborators")) asked.push(new URL(r.url()).searchParams.get("q") ?? "");
  });
  await input.pressSequentially("nobody-typed-this", { delay: 30 });
  await expect.poll(() => asked).toEqual(["nobody-typed-this"]);
  await page.waitForTimeout(600);
  expect(asked).toEqual(["nobody-typed-this"]);

  // An answer the server refuses is said, not swallowed.
  await input.fill("x".repeat(201));
  await expect(dialog.getByRole("alert")).toHaveText("Suggestions are unavailable: Type at most 200 characters.");
});
