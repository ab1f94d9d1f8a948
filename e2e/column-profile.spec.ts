import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("colprof");

test.describe.configure({ timeout: 180_000 });

const CITIES = ["Oslo", "Bergen", "Oslo", "Zürich"];

test("the column profile shows exact distinct counts, a histogram and top values, stored right after ingest", async ({
  page,
  request,
}) => {
  const name = `profiled-${Date.now().toString(36)}`;
  const records = Array.from({ length: 400 }, (_, i) => ({
    id: i + 1,
    city: i % 10 === 9 ? null : CITIES[i % 4],
    day: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`,
    score: (i % 50) / 2,
  }));
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: records,
  });
  expect(created.status(), await created.text()).toBe(201);

  // The REST API answers the profile stored at ingest.
  const profile = await request.get(`/api/v1/datasets/${alice.username}/personal/${name}/profile`, {
    headers: { Authorization: `Bearer ${alice.token}` },
  });
  expect(profile.status()).toBe(200);
  const body = (await profile.json()) as {
    rows: number;
    columns: { name: string; distinct: number; distinctExact: boolean }[];
  };
  expect(body.rows).toBe(400);
  expect(body.columns.find((c) => c.name === "id")).toMatchObject({ distinct: 400, distinctExact: true });

  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/catalog/${name}`);
  const panel = page.getByRole("region", { name: "Schema and column statistics" });
  const row = (column: string) =>
    panel.getByTestId("column-profile").filter({ has: page.getByRole("rowheader", { name: column }) });

  await expect(row("id")).toContainText("400 exact");
  await expect(row("id")).toContainText("200.5"); // the mean
  const histogram = row("id").getByRole("img", { name: "Histogram of id" });
  await expect(histogram).toBeVisible();
  await expect(histogram.locator("rect")).toHaveCount(20);
  const counts = await histogram
    .locator("rect")
    .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("data-count"))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(400);

  // Text: nulls, exact distinct, top values as bars with counts (Oslo twice in every four, less the nulls).
  await expect(row("city")).toContainText("40 (10%)");
  await expect(row("city")).toContainText("3 exact");
  const top = row("city").getByRole("list", { name: "Most frequent values of city" });
  await expect(top.getByRole("listitem")).toHaveCount(3);
  await expect(top.getByRole("listitem").first()).toContainText("Oslo");
  await expect(top.getByRole("listitem").first()).toContainText("200");

  // A date has bounds and a calendar histogram but no mean.
  await expect(row("day")).toContainText("DATE");
  await expect(row("day")).toContainText("15 Jan 2026");
  await expect(row("day")).toContainText("15 Dec 2026");
  await expect(row("day").getByRole("img", { name: "Histogram of day" })).toBeVisible();
  await expect(row("day").getByRole("cell").nth(5)).toHaveText("—"); // Mean

  // Keyboard: each chart and list is reachable by Tab, and the scan of the profile finds nothing serious.
  await histogram.focus();
  await expect(histogram).toBeFocused();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .include('section[aria-labelledby="dataset-schema"]')
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
      colorScheme,
    ).toEqual([]);
  }
});
