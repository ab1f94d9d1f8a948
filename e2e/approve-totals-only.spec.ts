// Approving an access request with "Totals only" (issue 19): the manager sets the minimum group
// size on the request page, and the share dialog's access list shows it beside the grant.
import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice, bob } = demoWorld("totalsapprove");

test.describe.configure({ timeout: 180_000 });

test("alice approves bob's request with Totals only and a minimum group size of 12; the access list says so", async ({
  page,
  request,
}) => {
  const name = `visits-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: Array.from({ length: 40 }, (_, i) => ({ visit: i + 1, clinic: i % 2 ? "East" : "West" })),
  });
  expect(created.status(), await created.text()).toBe(201);
  const url = `/w/${alice.username}/personal/catalog/${name}`;

  // alice lists the dataset so bob can ask for it
  await signIn(page, alice.email);
  await page.goto(url);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Listed", { exact: true }).check();
  await expect(dialog.getByLabel("Listed", { exact: true })).toBeChecked();
  await page.keyboard.press("Escape");

  const asked = await request.post(`/api/v1/datasets/${alice.username}/personal/${name}/access-requests`, {
    headers: { Authorization: `Bearer ${bob.token}` },
    data: { message: "Totals are enough" },
  });
  expect(asked.status(), await asked.text()).toBe(201);
  const { id } = (await asked.json()) as { id: string };

  // the request page: "Totals only" shows its minimum group size, filled with the default
  await page.goto(`/w/${alice.username}/personal/requests/${id}`);
  const approve = page.getByRole("form", { name: "Approve" });
  await expect(approve.getByTestId("totals-only-settings")).toHaveCount(0);
  await approve.getByLabel("Role").selectOption({ label: "Totals only" });
  const size = approve.getByTestId("totals-only-settings").getByLabel("Minimum group size");
  await expect(size).toHaveValue("10");
  await size.fill("12");
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("request-decision")).toContainText("Approved", { timeout: 30_000 });

  // the access list shows the grant's K
  await page.goto(url);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  await expect(dialog.getByLabel(`Role of ${bob.username}`)).toHaveValue("aggregate");
  await expect(dialog.getByTestId("access-row").filter({ hasText: bob.username })).toContainText(
    "Totals only, groups of at least 12 rows",
  );
});

test("on a folder, neither the share form nor the access list offers Totals only", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/files`);
  await page.getByRole("button", { name: "Actions for reports", exact: true }).click();
  await page.getByRole("menu", { name: "Actions for reports" }).getByRole("menuitem", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share “reports”" });
  const people = dialog.getByLabel("People or e-mail addresses");
  await people.fill(bob.username);
  await people.press("Enter");
  const offered = dialog.getByLabel("Role", { exact: true }).locator("option");
  await expect(offered).toContainText(["Editor"]);
  expect(await offered.allTextContents()).not.toContain("Totals only");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  const role = dialog.getByLabel(`Role of ${bob.username}`);
  await expect(role).toBeVisible();
  const choices = await role.locator("option").allTextContents();
  expect(choices).toContain("Editor");
  expect(choices).not.toContain("Totals only");
});
