import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoWorld, signIn, type WorldUser } from "./world";

const { alice, bob } = demoWorld("sqlcon");
const tag = Date.now().toString(36);
const names = { orders: `orders-${tag}`, customers: `customers-${tag}`, secret: `secret-${tag}` };
const ref = (slug: string) => `"${alice.username}/personal/${slug}"`;

async function ingest(request: APIRequestContext, user: WorldUser, name: string, rows: object[]) {
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${user.token}` },
    data: rows,
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { datasetId: string };
}

async function share(request: APIRequestContext, name: string, username: string) {
  const shared = await request.post(`/api/v1/permissions/datasets/${alice.username}/personal/${name}/shares`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: { username, role: "viewer" },
  });
  expect(shared.status(), await shared.text()).toBeLessThan(300);
}

/** The console's error box (not Next's route announcer, also a role="alert"). */
const queryError = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

/** Replaces the editor's text and runs it with Ctrl/Cmd+Enter. */
async function runSql(page: Page, sql: string) {
  const editor = page.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(sql);
  await page.keyboard.press("ControlOrMeta+Enter");
}

let ordersId = "";

test.beforeAll(async ({ request }) => {
  ordersId = (
    await ingest(request, alice, names.orders, [
      { id: 1, customer: "c1", amount: 10 },
      { id: 2, customer: "c2", amount: 20 },
      { id: 3, customer: "c1", amount: 5 },
    ])
  ).datasetId;
  await ingest(request, alice, names.customers, [
    { customer: "c1", city: "Zürich" },
    { customer: "c2", city: "Oslo" },
  ]);
  await ingest(request, alice, names.secret, [{ x: 1 }]);
  await share(request, names.orders, bob.username);
  await share(request, names.customers, bob.username);
});

test("a grantee joins two shared datasets, is refused one not shared like a missing one, and saves the query", async ({
  page,
}) => {
  await signIn(page, bob.email);
  await page.goto("/sql");
  await expect(page.getByRole("heading", { name: "SQL console" })).toBeVisible();
  const join = `SELECT c.city, sum(o.amount) AS total FROM ${ref(names.orders)} o JOIN ${ref(names.customers)} c USING (customer) GROUP BY c.city ORDER BY total DESC`;
  await runSql(page, join);
  const result = page.getByRole("table", { name: "Query result" });
  await expect(result.getByRole("row")).toHaveCount(3);
  await expect(result.getByRole("row").nth(1)).toContainText("Oslo");
  await expect(result.getByRole("row").nth(1)).toContainText("20");
  await expect(result.getByRole("row").nth(2)).toContainText("Zürich");
  await expect(page.getByText("Rows 1–2 of 2")).toBeVisible();
  await expect(page.getByRole("link", { name: "CSV" })).toBeVisible();

  await runSql(page, `SELECT * FROM ${ref(names.secret)}`);
  const refused = queryError(page);
  await expect(refused).toContainText("does not exist or you do not have access to it");
  const refusedText = (await refused.textContent())!.replace(names.secret, "?");
  await runSql(page, `SELECT * FROM ${ref(`missing-${tag}`)}`);
  await expect(queryError(page)).toContainText(`missing-${tag}`);
  expect((await queryError(page).textContent())!.replace(`missing-${tag}`, "?")).toBe(refusedText);

  await runSql(page, "COPY (SELECT 1) TO '/tmp/x.csv'");
  await expect(queryError(page)).toContainText("Only a SELECT query");

  await runSql(page, join);
  await expect(result.getByRole("row")).toHaveCount(3);
  await page.getByLabel("Name for this query").fill(`Revenue by city ${tag}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const saved = page.getByRole("complementary", { name: "Saved queries" });
  await expect(saved.getByRole("button", { name: `Revenue by city ${tag}`, exact: true })).toBeVisible();

  await page.reload();
  await saved.getByRole("button", { name: `Revenue by city ${tag}`, exact: true }).click();
  await expect(page.getByRole("table", { name: "Query result" }).getByRole("row").nth(1)).toContainText("Oslo");
  await saved.getByRole("button", { name: `Delete Revenue by city ${tag}` }).click();
  await expect(saved.getByRole("button", { name: `Revenue by city ${tag}`, exact: true })).toHaveCount(0);
});

test("a dataset's access link offers a console that reads that dataset only", async ({ browser, request }) => {
  const workspaces = await request.get("/api/v1/workspaces", { headers: { Authorization: `Bearer ${alice.token}` } });
  const list = (await workspaces.json()) as { id: string; slug: string }[];
  const personalId = list.find((w) => w.slug === "personal")?.id;
  expect(personalId, JSON.stringify(list)).toBeTruthy();
  const key = await request.post(`/api/v1/workspaces/${personalId}/keys`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: { resource: { type: "dataset", id: ordersId }, mode: "public" },
  });
  expect(key.status(), await key.text()).toBeLessThan(300);
  const { url } = (await key.json()) as { url: string };

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(url).pathname);
  await page.getByRole("link", { name: "SQL console" }).click();
  await expect(page.getByRole("heading", { name: "SQL console" })).toBeVisible();
  await runSql(page, `SELECT count(*) AS n, max(amount) AS top FROM ${ref(names.orders)}`);
  const row = page.getByRole("table", { name: "Query result" }).getByRole("row").nth(1);
  await expect(row).toContainText("3");
  await expect(row).toContainText("20");

  await runSql(page, `SELECT * FROM ${ref(names.customers)}`);
  await expect(queryError(page)).toContainText("does not exist or you do not have access to it");
  await context.close();
});
