import { expect, test } from "@playwright/test";
import { axeAudit, createAccessLink } from "./helpers";
import { demoWorld, signIn } from "./world";

const { alice } = demoWorld("insights");

test.setTimeout(120_000);

test("a link's insights list a visitor's view and download, chart them, and the first open is e-mailed once", async ({
  page,
  browser,
}) => {
  await signIn(page, alice.email);
  const { dialog, path } = await createAccessLink(
    page,
    `/w/${alice.username}/personal/files`,
    "Share reports",
    "Board pack",
  );
  const row = dialog.getByTestId("link-row").filter({ hasText: "Board pack" });
  await row.getByRole("link", { name: "insights" }).click();
  await expect(page.getByRole("heading", { name: "Insights: Board pack" })).toBeVisible();
  await expect(page.getByText("Nobody has viewed or downloaded it in the last 30 days.")).toBeVisible();
  await page.getByLabel(/E-mail the link's creator when someone first opens this link/).check();
  await expect(page.getByText("You will get one e-mail on the first open")).toBeVisible();

  // a visitor without an account opens the link, goes into a folder and downloads a file
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor.getByText("Read-only link")).toBeVisible();
  await visitor.getByRole("grid", { name: "Folder contents" }).getByRole("link", { name: "2026" }).click();
  const [download] = await Promise.all([
    visitor.waitForEvent("download"),
    visitor.getByRole("link", { name: "Download q1-sales.csv" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("q1-sales.csv");
  await download.path();

  await page.reload();
  const person = page.getByTestId("insights-person");
  await expect(person).toHaveCount(1);
  await expect(person).toContainText(/Visitor [0-9a-f]{6} via link “Board pack”/);
  await expect(person.getByRole("cell").nth(0)).not.toHaveText("0"); // views
  await expect(person.getByRole("cell").nth(1)).toHaveText("1"); // downloads
  const events = page.getByTestId("insights-event");
  await expect(events.filter({ hasText: "Downloaded" }).filter({ hasText: "q1-sales.csv" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Viewed" }).filter({ hasText: "reports" })).toHaveCount(1);
  const today = page.getByTestId("insights-chart").locator(`g[data-day="${new Date().toISOString().slice(0, 10)}"]`);
  await expect(today).toHaveAttribute("data-downloads", "1");
  expect(Number(await today.getAttribute("data-views"))).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/^First opened /)).toBeVisible();

  // the first open reached alice by e-mail, once, however often the link is used
  await visitor.goto(path);
  const mailbox = await (await browser.newContext()).newPage();
  await mailbox.goto(`/mailbox?to=${encodeURIComponent(alice.email)}`);
  const mail = mailbox.getByTestId("mail").filter({ hasText: /A visitor \([0-9a-f]{6}\) opened the folder "reports"/ });
  await expect(mail).toHaveCount(1);

  // the Activity page leads to the same insights
  await page.goto(`/w/${alice.username}/personal/activity`);
  await page
    .getByTestId("activity-row")
    .filter({ hasText: /Someone opened\s*reports\s*through the access link “Board pack”/ })
    .filter({ hasText: "Board pack" })
    .first()
    .getByRole("link", { name: "Insights" })
    .click();
  await expect(page.getByRole("heading", { name: "Insights: Board pack" })).toBeVisible();
});

test("a dataset's page and a file's preview lead managers to their insights, which name the people who viewed", async ({
  page,
}) => {
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/sales/catalog/orders-2026`);
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await page.getByRole("link", { name: "Insights", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Insights: ${name}` })).toBeVisible();
  await expect(page.getByTestId("insights-person").filter({ hasText: `Alice Anders (${alice.username})` })).toHaveCount(
    1,
  );
  await expect(page.getByTestId("insights-event").filter({ hasText: "Viewed" })).toHaveCount(1);
  const axe = axeAudit();
  await axe.check(page, "dataset insights");
  axe.expectNoViolations();

  await page.goto(`/w/${alice.username}/personal/files/reports/2026`);
  await page
    .getByRole("grid", { name: "Folder contents" })
    .getByRole("button", { name: "q1-summary.md", exact: true })
    .click();
  await expect(page.getByText("Revenue grew 12% over Q4 2025")).toBeVisible();
  await page.getByRole("dialog").getByRole("link", { name: "Insights", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Insights: q1-summary.md" })).toBeVisible();
  await expect(
    page.getByTestId("insights-event").filter({ hasText: "Viewed" }).filter({ hasText: "q1-summary.md" }),
  ).toHaveCount(1);
});
