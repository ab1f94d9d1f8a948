import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice, bob } = demoWorld("usedata");
const datasetPath = () => `/w/${alice.username}/sales/catalog/vessel-positions`;

test("Use this dataset: the version URL answers Parquet with the token, and the snippets copy and switch by keyboard", async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, alice.email);
  await page.goto(datasetPath());
  const section = page.getByRole("region", { name: "Use this dataset" });
  await expect(section).toBeVisible();

  const versionUrl = await section.getByTitle(/version=\d+$/).textContent();
  expect(versionUrl).toMatch(
    new RegExp(`/api/v1/data/${alice.username}/sales/vessel-positions\\?format=parquet&version=\\d+$`),
  );
  const { pathname, search } = new URL(versionUrl!);
  const parquet = await request.get(pathname + search, { headers: { Authorization: `Bearer ${alice.token}` } });
  expect(parquet.status()).toBe(200);
  expect((await parquet.body()).subarray(0, 4).toString()).toBe("PAR1");
  // Without the token the same URL is the API's 401, not the data.
  expect((await request.get(pathname + search)).status()).toBe(401);

  await section.getByRole("button", { name: "Copy curl snippet" }).click();
  await expect(page.getByText("Copied curl snippet")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('-H "Authorization: Bearer $DATASHELF_TOKEN"');
  expect(copied).toContain(versionUrl);

  await section.getByRole("tab", { name: "curl" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(section.getByRole("tab", { name: "Python (pandas)" })).toBeFocused();
  await expect(section.getByRole("tabpanel")).toContainText("pd.read_parquet(");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(section.getByRole("tab", { name: "DuckDB CLI" })).toHaveAttribute("aria-selected", "true");
  await expect(section.getByRole("tabpanel")).toContainText("CREATE SECRET datashelf");
});

test("a view-only grantee gets no download snippets", async ({ page, request }) => {
  // In alice's personal workspace: bob is a member of "sales", where he could download anyway.
  const name = `snippets-${Date.now().toString(36)}`;
  const auth = { Authorization: `Bearer ${alice.token}` };
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: auth,
    data: [{ id: 1, station: "S1" }],
  });
  expect(created.status(), await created.text()).toBe(201);
  const share = await request.post(`/api/v1/permissions/datasets/${alice.username}/personal/${name}/shares`, {
    headers: auth,
    data: { username: bob.username, role: "viewonly" },
  });
  expect(share.status(), await share.text()).toBeLessThan(300);
  await signIn(page, bob.email);
  await page.goto(`/w/${alice.username}/personal/catalog/${name}`);
  await expect(page.getByRole("heading", { name: "Data", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Versions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Use this dataset" })).toHaveCount(0);
});
