import { expect, test } from "@playwright/test";
import { demoWorld, signIn } from "./world";

const { alice, bob } = demoWorld("accents");
const slug = `luft-${Date.now().toString(36)}`;
const title = `Zürich Luftqualität ${slug.slice(5)}`;
const catalog = () => `/w/${alice.username}/personal/catalog`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  const auth = { Authorization: `Bearer ${alice.token}` };
  const created = await request.post(`/api/v1/ingest/personal/${slug}`, {
    headers: auth,
    data: [{ station: "Stampfenbach", no2: 21 }],
  });
  expect(created.status(), await created.text()).toBe(201);
  const share = await request.post(`/api/v1/permissions/datasets/${alice.username}/personal/${slug}/shares`, {
    headers: auth,
    data: { username: bob.username, role: "viewer" },
  });
  expect(share.status(), await share.text()).toBeLessThan(300);
  const card = await request.patch(`/api/v1/datasets/${alice.username}/personal/${slug}/card`, {
    headers: auth,
    data: { readme: "Messstation am Üetliberg", columns: { no2: "Stickstoffdioxid, µg/m³" } },
  });
  expect(card.status(), await card.text()).toBe(200);
});

test("the catalog search ignores accents and case, in names, the README and column descriptions", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(`${catalog()}/${slug}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  const form = page.getByRole("form", { name: "Edit dataset details" });
  await form.getByLabel("Name", { exact: true }).fill(title);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  for (const q of ["zurich", "ZURICH", "zürich luftqualitat", "uetliberg", "STICKSTOFFDIOXID"]) {
    await page.goto(catalog());
    await page.getByRole("searchbox", { name: "Search", exact: true }).fill(q);
    await page.getByRole("searchbox", { name: "Search", exact: true }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=`));
    await expect(page.getByRole("link", { name: title }), q).toBeVisible();
  }
  await page.goto(`${catalog()}?q=geneva`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("Shared by me finds the dataset by its name without accents, in the search and in the table's filter", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await page.goto("/shared/by-me?q=ZURICH");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto("/shared/by-me");
  await page.getByRole("searchbox", { name: "Filter grants" }).fill("zurich luftqualitat");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
