import { expect, test } from "@playwright/test";
import { createAccessLink } from "./helpers";
import { runScript } from "./cli-helpers";
import { demoWorld, signIn, signedInPage } from "./world";

// alice owns the data; bob is the stranger who finds it in Discover.
const { alice, bob } = demoWorld("accessreq");

test.describe.configure({ timeout: 240_000 });

test("a stranger finds a Listed dataset in Discover, requests with answers, the manager approves from the e-mail, the stranger reads rows", async ({
  page,
  browser,
  request,
}) => {
  const name = `trials-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: Array.from({ length: 30 }, (_, i) => ({ patient: i + 1, arm: i % 2 ? "placebo" : "drug", score: i * 2 })),
  });
  expect(created.status(), await created.text()).toBe(201);
  const url = `/w/${alice.username}/personal/catalog/${name}`;

  // alice lists it and sets one question
  await signIn(page, alice.email);
  await page.goto(url);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Listed", { exact: true }).check();
  await expect(dialog.getByLabel("Listed", { exact: true })).toBeChecked();
  await dialog.getByRole("button", { name: "Add a question" }).click();
  await dialog.getByLabel("Question 1", { exact: true }).fill("What is your study?");
  await dialog.getByRole("button", { name: "Save request form" }).click();
  await expect(page.getByText("Request form saved")).toBeVisible();
  await page.keyboard.press("Escape");

  // bob finds it in Discover and sees only its card
  const bobPage = await signedInPage(browser, bob.email);
  await bobPage.goto("/");
  await bobPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Discover" }).click();
  await expect(bobPage).toHaveURL(/\/discover$/);
  await bobPage.getByLabel("Search datasets", { exact: true }).fill(name);
  await bobPage.getByRole("button", { name: "Search" }).click();
  const item = bobPage.getByTestId("discover-item").filter({ hasText: name });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Listed");
  await item.getByRole("link", { name: "View card and request access" }).click();
  await expect(bobPage).toHaveURL(new RegExp(`${url}$`));
  const card = bobPage.getByTestId("listed-card");
  await expect(card.getByRole("heading", { name })).toBeVisible();
  await expect(card.getByRole("cell", { name: "patient" })).toBeVisible();
  await expect(bobPage.getByRole("table", { name: "Dataset rows" })).toHaveCount(0);
  await expect(bobPage.getByText("placebo")).toHaveCount(0);

  // bob answers the question and says why
  const form = bobPage.getByRole("form", { name: "Request access" });
  await form.getByLabel("Message to the managers").fill("For the meta-analysis");
  await form.getByLabel("What is your study?").fill("Cardio 2027");
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(card.getByRole("status")).toContainText("waiting for the managers");

  // alice opens the e-mail in the mailbox and follows its link to the request
  await page.goto(`/mailbox?to=${encodeURIComponent(alice.email)}`);
  await page
    .getByTestId("mail")
    .filter({ hasText: `asks for access to the dataset "${name}"` })
    .first()
    .getByRole("link")
    .first()
    .click();
  const message = page.frameLocator('iframe[title="Message"]');
  await expect(message.getByText("Cardio 2027")).toBeVisible();
  const [review] = await Promise.all([
    page.waitForEvent("popup"),
    message.getByRole("link", { name: "Review the request" }).click(),
  ]);
  await expect(review).toHaveURL(/\/requests\/[^/]+$/);
  await expect(review.getByText("For the meta-analysis")).toBeVisible();
  await expect(review.getByText("Cardio 2027")).toBeVisible();
  const approve = review.getByRole("form", { name: "Approve" });
  await approve.getByLabel("Role").selectOption("viewer");
  await approve.getByRole("button", { name: "Approve" }).click();
  // Approving shares and queues two e-mails: on a loaded CI machine that took longer than the default 10 s.
  await expect(review.getByTestId("request-decision")).toContainText("Approved", { timeout: 30_000 });

  // bob reads the rows now
  await bobPage.reload();
  const grid = bobPage.getByRole("table", { name: "Dataset rows" });
  await expect(grid.getByRole("row").nth(1)).toContainText("drug");
  await bobPage.goto("/requests");
  await expect(bobPage.getByTestId("my-request").filter({ hasText: name })).toContainText("Approved");
  await bobPage.context().close();
});

test("a question added while Listed is being saved survives the save, even when the access list then fails to load", async ({
  page,
  request,
}) => {
  const name = `form-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: [{ a: 1 }],
  });
  expect(created.status(), await created.text()).toBe(201);
  await signIn(page, alice.email);
  await page.goto(`/w/${alice.username}/personal/catalog/${name}`);
  await page.getByRole("button", { name: "Share", exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Private", { exact: true })).toBeChecked();

  // Hold the visibility's save until a question is typed (a slow server), and fail the access list's reads
  // after it (a busy one): the dialog then had only the old visibility, put the radio back to Private and
  // dropped the form editor with the typed question.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let failing = false;
  await page.route("**/*", async (route) => {
    const asked = route.request();
    if (asked.method() === "POST" && asked.headers()["next-action"]) {
      await held;
      failing = true;
    }
    if (failing && asked.method() === "GET" && asked.url().includes("/api/sharing/access"))
      return route.fulfill({ status: 503, json: { error: "Try again" } });
    await route.fallback();
  });
  await dialog.getByLabel("Listed", { exact: true }).check();
  await dialog.getByRole("button", { name: "Add a question" }).click();
  const question = dialog.getByLabel("Question 1", { exact: true });
  await question.fill("What is your study?");
  release();
  await expect(page.getByText("Listed: everyone signed in sees its card")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Try again" })).toBeVisible();
  await expect(dialog.getByLabel("Listed", { exact: true })).toBeChecked();
  await expect(question).toHaveValue("What is your study?");
  failing = false;
  await page.unroute("**/*");
  await dialog.getByRole("button", { name: "Save request form" }).click();
  await expect(page.getByText("Request form saved")).toBeVisible();
});

test("a Private dataset stays the same 404 as a missing one, with no Request access", async ({ browser, request }) => {
  const name = `secret-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: [{ a: 1 }],
  });
  expect(created.status()).toBe(201);
  const bobPage = await signedInPage(browser, bob.email);
  const hidden = await bobPage.goto(`/w/${alice.username}/personal/catalog/${name}`);
  const hiddenText = await bobPage.locator("main").innerText();
  await expect(bobPage.getByRole("button", { name: "Request access" })).toHaveCount(0);
  const missing = await bobPage.goto(`/w/${alice.username}/personal/catalog/${name}-missing`);
  expect(hidden?.status()).toBe(404);
  expect(missing?.status()).toBe(404);
  expect(await bobPage.locator("main").innerText()).toBe(hiddenText);

  const api = (path: string) =>
    request.post(`/api/v1/datasets/${alice.username}/personal/${path}/access-requests`, {
      headers: { Authorization: `Bearer ${bob.token}` },
      data: { message: "please" },
    });
  const [privateAnswer, missingAnswer] = [await api(name), await api(`${name}-missing`)];
  expect(privateAnswer.status()).toBe(404);
  expect(await privateAnswer.json()).toEqual(await missingAnswer.json());
  await bobPage.context().close();
});

test("requests start from a revoked link's page and from an ended grant in Shared with me, and reach the Requests page", async ({
  page,
  browser,
  request,
}) => {
  const name = `ended-${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/ingest/personal/${name}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: [{ city: "Oslo", visits: 3 }],
  });
  expect(created.status()).toBe(201);
  const url = `/w/${alice.username}/personal/catalog/${name}`;

  // a link bob held, then revoked
  await signIn(page, alice.email);
  const label = `Board ${name}`;
  const { dialog, path } = await createAccessLink(page, url, "Share", label);
  await dialog.getByRole("button", { name: `Revoke link ${label}` }).click();
  await expect(dialog.getByRole("button", { name: `Revoke link ${label}` })).toHaveCount(0);

  const bobPage = await signedInPage(browser, bob.email);
  const gone = await bobPage.goto(path);
  expect(gone?.status()).toBe(404);
  await expect(bobPage.getByRole("heading", { name: "Link not available" })).toBeVisible();
  await bobPage.getByRole("button", { name: "Request access" }).click();
  await bobPage.getByLabel("Message to the managers").fill("The board link stopped working");
  await bobPage.getByRole("form", { name: "Request access" }).getByRole("button", { name: "Request access" }).click();
  await expect(bobPage.getByRole("status")).toContainText("Request sent");

  // a grant of bob's that ended
  const other = `grant-${name}`;
  const second = await request.post(`/api/v1/ingest/personal/${other}`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: [{ city: "Bergen", visits: 5 }],
  });
  const { datasetId: secondId } = (await second.json()) as { datasetId: string };
  const shared = await request.post(`/api/v1/permissions/datasets/${alice.username}/personal/${other}/shares`, {
    headers: { Authorization: `Bearer ${alice.token}` },
    data: { username: bob.username, role: "viewer" },
  });
  expect(shared.status()).toBe(200);
  await runScript("e2e/access-requests-end-grant.ts", secondId, bob.username);
  await bobPage.goto("/shared/with-me");
  const ended = bobPage.getByTestId("ended-grant").filter({ hasText: other });
  await expect(ended).toContainText("ended");
  await ended.getByRole("button", { name: "Request access again" }).click();
  await ended.getByLabel("Message to the managers").fill("Still on the project");
  await ended.getByRole("button", { name: "Request access", exact: true }).click();
  await expect(ended).toContainText("request pending");

  // alice sees both under Requests, reached from the sidebar
  await page.goto(`/w/${alice.username}/personal/catalog`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  const items = page.getByTestId("request-item");
  await expect(items.filter({ hasText: "The board link stopped working" })).toContainText(name);
  await expect(items.filter({ hasText: "Still on the project" })).toContainText(other);
  await expect(page.getByTestId("pending-count")).not.toHaveText("0");
  await bobPage.context().close();
});
