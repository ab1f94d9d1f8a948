import { expect, test } from "@playwright/test";
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
  await dialog.getByLabel(/^Listed:/).check();
  await expect(dialog.getByLabel(/^Listed:/)).toBeChecked();
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
  await bobPage.getByLabel("Search datasets by name").fill(name);
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
  await expect(review.getByTestId("request-decision")).toContainText("Approved");

  // bob reads the rows now
  await bobPage.reload();
  const grid = bobPage.getByRole("table", { name: "Dataset rows" });
  await expect(grid.getByRole("row").nth(1)).toContainText("drug");
  await bobPage.goto("/requests");
  await expect(bobPage.getByTestId("my-request").filter({ hasText: name })).toContainText("Approved");
  await bobPage.context().close();
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
