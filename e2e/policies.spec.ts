import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("policies");

// One workspace's policy is changed step by step: the tests build on each other.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DAY = 86_400_000;
const isoDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const bearer = () => ({ Authorization: `Bearer ${alice.token}` });
const settingsUrl = () => `/w/${alice.username}/sales/settings`;
const datasetUrl = () => `/w/${alice.username}/sales/catalog/vessel-positions`;

async function salesWorkspaceId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/v1/workspaces", { headers: bearer() });
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { id: string; slug: string }[];
  return list.find((w) => w.slug === "sales")!.id;
}

async function datasetId(request: APIRequestContext): Promise<string> {
  const response = await request.get(`/api/v1/data/${alice.username}/sales`, { headers: bearer() });
  expect(response.status()).toBe(200);
  const { datasets } = (await response.json()) as { datasets: { id: string; name: string }[] };
  return datasets.find((d) => d.name === "vessel-positions")!.id;
}

async function savePolicy(page: Page, fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.goto(settingsUrl());
  const form = page.getByRole("form", { name: "Sharing policy" });
  await fill(form);
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Sharing policy saved")).toBeVisible();
}

test("a manager limits links to 7 days: an older link is listed and shortened, the dialog caps the date and says why, the API refuses 30 days", async ({
  page,
  request,
}) => {
  const workspaceId = await salesWorkspaceId(request);
  const dataset = await datasetId(request);
  const older = await request.post(`/api/v1/workspaces/${workspaceId}/keys`, {
    headers: bearer(),
    data: {
      resource: { type: "dataset", id: dataset },
      label: "older partner link",
      expiresOn: new Date(Date.now() + 30 * DAY).toISOString(),
    },
  });
  expect(older.status()).toBe(201);

  await signIn(page, alice.email);
  await savePolicy(page, (form) => form.getByLabel("Longest link lifetime (days)").fill("7"));

  // the older link breaks the new policy: listed, and shortened in one click
  await expect(page.getByRole("list", { name: "Policy breaches" })).toContainText(/links? lasts? longer than 7 days/);
  const row = page.getByTestId("policy-violation").filter({ hasText: "older partner link" });
  await expect(row).toContainText("Vessel positions");
  await row.getByRole("button", { name: /^Shorten older partner link/ }).click();
  await expect(page.getByTestId("policy-violation").filter({ hasText: "older partner link" })).toHaveCount(0);

  // the dialog offers no end beyond 7 days and says why, before anything is submitted
  await page.goto(datasetUrl());
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Access links" }).click();
  const ends = dialog.getByLabel("Ends on");
  await expect(ends).toHaveAttribute("max", isoDay(7));
  await expect(dialog.getByText("This workspace's policy: links last at most 7 days.")).toBeVisible();
  await ends.fill(isoDay(7));
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("new-link")).toHaveValue(/\/s\/sl_/);

  // the REST API refuses 30 days with the rule named, and issues nothing
  const refused = await request.post(`/api/v1/workspaces/${workspaceId}/keys`, {
    headers: bearer(),
    data: {
      resource: { type: "dataset", id: dataset },
      label: "too long",
      expiresOn: new Date(Date.now() + 30 * DAY).toISOString(),
    },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toMatch(/links of at most 7 days/);
});

test("a domain rule: the dialog says which domains are allowed and refuses an outside e-mail with the reason", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await savePolicy(page, (form) => form.getByLabel("Only invite these e-mail domains").fill("example.com"));
  await page.goto(datasetUrl());
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("note", { name: "Sharing policy" })).toContainText(
    "Only people with an address at example.com can be invited.",
  );
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill("eve@elsewhere.net");
  await input.press("Enter");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "eve@elsewhere.net" })).toContainText(
    "only allows sharing with addresses at example.com; eve@elsewhere.net is not",
  );
  await expect(dialog.getByTestId("access-row").filter({ hasText: "eve@elsewhere.net" })).toHaveCount(0);
});

test("a limit on outsiders' access: the people tab's end date stops at the latest day the policy allows", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await savePolicy(page, (form) =>
    form.getByLabel("Longest access for people outside the workspace (days)").fill("10"),
  );
  await page.goto(datasetUrl());
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("note", { name: "Sharing policy" })).toContainText("at most 10 days");
  const input = dialog.getByLabel("People or e-mail addresses");
  await input.fill("someone-outside@example.com");
  await input.press("Enter");
  const latest = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10); // the dialog's dates are UTC days
  await expect(dialog.getByLabel("Access ends (optional)")).toHaveAttribute("max", latest);
});
