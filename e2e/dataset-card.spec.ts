import { expect, test, type Page } from "@playwright/test";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("dscard");
const name = `stations-${Date.now().toString(36)}`;
const datasetPath = () => `/w/${alice.username}/personal/catalog/${name}`;

// Every way a README could try to run script or smuggle markup: none of it may become live.
const HOSTILE = [
  "# Station readings",
  "",
  "Hourly readings from **three stations**. See [the methods](https://example.org/methods).",
  "",
  "<script>window.__cardXss = 'script'</script>",
  "",
  '<img src="x" onerror="window.__cardXss = \'img\'">',
  "",
  '<div><iframe src="https://evil.example"></iframe></div>',
  "",
  "[Click me](javascript:window.__cardXss='link') and [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "",
  "![tracker](data:image/png;base64,iVBORw0KGgo=)",
].join("\n");
const TEMP_DESCRIPTION = "Air temperature 2 m above ground, in degrees Celsius";

/** The README region of the card, and proof that nothing in it ran. */
async function expectInertReadme(page: Page) {
  const readme = page.getByRole("region", { name: "README" });
  await expect(readme.getByRole("heading", { name: "Station readings" })).toBeVisible();
  // raw HTML is shown as text, never as elements
  await expect(readme).toContainText("<script>window.__cardXss = 'script'</script>");
  await expect(readme).toContainText('<img src="x" onerror=');
  await expect(readme.locator("script, img, iframe, [onerror]")).toHaveCount(0);
  // unsafe links keep their text, lose their target
  await expect(readme.getByText("Click me")).toBeVisible();
  await expect(readme.getByRole("link", { name: "Click me" })).toHaveCount(0);
  await expect(readme.getByRole("link", { name: "data link" })).toHaveCount(0);
  await expect(readme.locator('[href^="javascript:"], [href^="data:"], [src^="data:"]')).toHaveCount(0);
  await expect(readme.getByText("Image: tracker")).toBeVisible();
  const methods = readme.getByRole("link", { name: "the methods" });
  await expect(methods).toHaveAttribute("href", "https://example.org/methods");
  await expect(methods).toHaveAttribute("rel", "noopener nofollow noreferrer");
  await expect(methods).toHaveAttribute("target", "_blank");
  expect(await page.evaluate(() => (window as unknown as { __cardXss?: string }).__cardXss)).toBeUndefined();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  const auth = { Authorization: `Bearer ${alice.token}` };
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: auth,
    data: [
      { station: "Uetliberg", temp_c: 3.5 },
      { station: "Kloten", temp_c: 4.25 },
    ],
  });
  expect(created.status(), await created.text()).toBe(201);
  const share = await request.post(`/api/v1/permissions/datasets/${alice.username}/personal/${name}/shares`, {
    headers: auth,
    data: { username: bob.username, role: "viewer" },
  });
  expect(share.status(), await share.text()).toBeLessThan(300);
});

test("an editor writes the card with a hostile README, a license, a citation and a column description", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, alice.email);
  await page.goto(datasetPath());
  const section = page.getByRole("region", { name: "Dataset card" });
  await expect(section.getByText("This dataset has no README yet.")).toBeVisible();
  await section.getByRole("button", { name: "Edit card" }).click();

  const form = page.getByRole("form", { name: "Edit dataset card" });
  await form.getByRole("textbox", { name: "README (Markdown)" }).fill(HOSTILE);
  await form.getByRole("tab", { name: "Preview" }).click();
  await expect(form.getByRole("tabpanel", { name: "README preview" }).getByRole("heading")).toHaveText(
    "Station readings",
  );
  await expect(form.getByRole("tabpanel").locator("script, img, iframe")).toHaveCount(0);
  await form.getByRole("tab", { name: "Write" }).click();

  await form.getByLabel("License", { exact: true }).selectOption("CC-BY-4.0");
  await form.getByLabel("Source").fill("https://example.org/stations");
  await form.getByRole("radio", { name: "BibTeX" }).check();
  await form.getByLabel("Citation", { exact: true }).fill("@misc{stations, title={Station readings}, year={2026}}");

  // over the limit: refused at the field with a clear message, nothing saved
  const temp = form.getByLabel("temp_c");
  await temp.fill("x".repeat(1001));
  await expect(form.getByRole("alert").filter({ hasText: "at most 1,000 characters" })).toBeVisible();
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(form.getByText("Fix the fields marked below, then save again.")).toBeVisible();
  await temp.fill(TEMP_DESCRIPTION);

  await form.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Card saved (revision 1)")).toBeVisible();
  await expect(form).toHaveCount(0);
  await expectInertReadme(page);
  expect(dialogs).toEqual([]);
});

test("a viewer sees the card rendered and inert, read-only, with the description in the schema and the grid header", async ({
  browser,
}) => {
  const page = await signedInPage(browser, bob.email);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(datasetPath());
  const section = page.getByRole("region", { name: "Dataset card" });
  await expectInertReadme(page);
  await expect(section.getByRole("button", { name: "Edit card" })).toHaveCount(0);

  const license = section.getByTestId("card-license").getByRole("link");
  await expect(license).toHaveText("Creative Commons Attribution 4.0 International (CC-BY-4.0)");
  await expect(license).toHaveAttribute("href", "https://spdx.org/licenses/CC-BY-4.0.html");
  await expect(section.getByTestId("card-source").getByRole("link")).toHaveAttribute(
    "href",
    "https://example.org/stations",
  );
  await expect(section.getByTestId("card-citation")).toHaveText(
    "@misc{stations, title={Station readings}, year={2026}}",
  );
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await section.getByRole("button", { name: "Copy citation" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("@misc{stations");

  // the data dictionary (schema) and the grid header
  const dictionary = section.getByRole("table", { name: "Columns and their descriptions" });
  await expect(dictionary.getByRole("row", { name: /temp_c/ })).toContainText(TEMP_DESCRIPTION);
  await expect(dictionary.getByRole("row", { name: /station/ }).first()).toContainText("No description");
  const header = page.getByRole("table", { name: "Dataset rows" }).getByRole("columnheader", { name: /temp_c/ });
  await expect(header.getByTestId("column-description")).toHaveAttribute("title", TEMP_DESCRIPTION);

  // the history names who saved which revision on which data version, and shows an earlier card
  await section.getByRole("button", { name: "Card history (1 revision)" }).click();
  await expect(section.getByRole("list", { name: "Card revisions" })).toContainText(
    `by ${alice.username} · README, license, citation, source, column descriptions · data version 1`,
  );
  expect(dialogs).toEqual([]);
  await page.context().close();
});

test("an earlier card stays viewable after the card changes", async ({ page }) => {
  await signIn(page, alice.email);
  await page.goto(datasetPath());
  const section = page.getByRole("region", { name: "Dataset card" });
  await section.getByRole("button", { name: "Edit card" }).click();
  const form = page.getByRole("form", { name: "Edit dataset card" });
  await form.getByRole("textbox", { name: "README (Markdown)" }).fill("# Stations, second edition");
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Card saved (revision 2)")).toBeVisible();
  await expect(section.getByRole("heading", { name: "Stations, second edition" })).toBeVisible();

  await section.getByRole("button", { name: "Card history (2 revisions)" }).click();
  await section.getByRole("button", { name: "View revision 1" }).click();
  await expect(section.getByRole("status")).toContainText("You are viewing revision 1 of the card");
  await expect(section.getByRole("heading", { name: "Station readings" })).toBeVisible();
  await section.getByRole("button", { name: "Back to the current card" }).click();
  await expect(section.getByRole("heading", { name: "Stations, second edition" })).toBeVisible();
});

test("an access-link visitor sees the card read-only, and its history through the link", async ({ page, browser }) => {
  await signIn(page, alice.email);
  await page.goto(datasetPath());
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("tab", { name: "Access links" }).click();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByTestId("new-link").inputValue();

  const context = await browser.newContext(); // not signed in
  const visitor = await context.newPage();
  await visitor.goto(url);
  const section = visitor.getByRole("region", { name: "Dataset card" });
  await expect(section.getByRole("heading", { name: "Stations, second edition" })).toBeVisible();
  await expect(section.getByRole("button", { name: "Edit card" })).toHaveCount(0);
  await section.getByRole("button", { name: "Card history (2 revisions)" }).click();
  await section.getByRole("button", { name: "View revision 1" }).click();
  await expectInertReadme(visitor);
  await context.close();
});
