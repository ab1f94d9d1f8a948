// Ending access well: an expiry reminder and an access review reach the mailbox when the jobs run
// (through the operator's CLI, limited to this spec's workspace), and a review's revoke link
// revokes only after the manager confirms on the page it opens.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eServerEnv } from "./cli-helpers";
import { demoWorld, signIn, signedInPage } from "./world";

const { alice, bob } = demoWorld("remind");
const run = promisify(execFile);

/** Runs a job once as an operator would (npm run cli -- job run), against the e2e server's database. */
async function runJob(name: string, env: Record<string, string> = {}) {
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/server-only-hook.mjs",
      "cli/index.ts",
      "job",
      "run",
      name,
      "--workspace",
      `${alice.username}/sales`,
    ],
    { env: { ...e2eServerEnv(), APP_URL: `http://localhost:${process.env.E2E_PORT || "3100"}`, ...env } },
  );
  return stdout;
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function salesId(request: APIRequestContext) {
  const workspaces = (await (await request.get("/api/v1/workspaces", { headers: auth(alice.token) })).json()) as {
    id: string;
    slug: string;
  }[];
  return workspaces.find((w) => w.slug === "sales")!.id;
}

async function bobsGrant(request: APIRequestContext, workspaceId: string) {
  const list = (await (
    await request.get(`/api/v1/workspaces/${workspaceId}/shares?granteeType=user`, { headers: auth(alice.token) })
  ).json()) as { items: { id: string; grantee: string }[] };
  return list.items.find((s) => s.grantee === bob.username);
}

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test("a link that ends within ACCESS_REMINDER_DAYS: its maker finds the reminder in the mailbox", async ({
  page,
  request,
}) => {
  const workspaceId = await salesId(request);
  const created = await request.post(`/api/v1/workspaces/${workspaceId}/keys`, {
    headers: auth(alice.token),
    data: {
      resource: { type: "workspace", id: workspaceId },
      expiresOn: new Date(Date.now() + 86_400_000).toISOString(),
      label: "quarterly",
    },
  });
  expect(created.status()).toBe(201);
  expect(await runJob("expiry-reminders")).toContain("sent 1");
  // a second run sends nothing more
  expect(await runJob("expiry-reminders")).toContain("sent 0");

  await page.goto(`/mailbox?to=${encodeURIComponent(alice.email)}`);
  const mail = page.getByTestId("mail").filter({ hasText: "Your access link “quarterly” to the workspace" });
  await expect(mail).toHaveCount(1);
  // the e-mail links to the resource, where its maker extends the link
  const open = mail.getByRole("link", { name: new RegExp(`/w/${alice.username}/sales$`) }).first();
  const target = new URL((await open.getAttribute("href"))!).pathname;
  await signIn(page, alice.email);
  await page.goto(target);
  await expect(page).toHaveURL(new RegExp(`/w/${alice.username}/sales(/|$)`));
});

test("the access review lists bob's unused grant; its revoke link revokes only after the confirm click", async ({
  page,
  browser,
  request,
}) => {
  const workspaceId = await salesId(request);
  const shared = await request.post(`/api/v1/permissions/namespaces/${alice.username}/sales/shares`, {
    headers: auth(alice.token),
    data: { username: bob.username, role: "viewer" },
  });
  expect(shared.status()).toBe(200);
  const grant = (await bobsGrant(request, workspaceId))!;
  expect(grant).toBeTruthy();

  // a short window: anything not used since a moment ago counts as unused
  expect(await runJob("access-review", { ACCESS_REVIEW_DAYS: "0.000000001" })).toContain("sent 1");

  await page.goto(`/mailbox?to=${encodeURIComponent(alice.email)}`);
  const mail = page.getByTestId("mail").filter({ hasText: "Access review for Sales" });
  await expect(mail).toHaveCount(1);
  const revokeLink = mail.getByRole("link", { name: new RegExp(`/review/share/${grant.id}/revoke$`) });
  await expect(revokeLink).toHaveCount(1);
  await expect(mail.getByRole("link", { name: new RegExp(`/review/share/${grant.id}/keep$`) })).toHaveCount(1);
  await expect(mail.getByRole("link", { name: new RegExp(`/review/share/${grant.id}/downgrade$`) })).toHaveCount(1);
  const path = new URL((await revokeLink.getAttribute("href"))!).pathname;

  // bob (the grantee) cannot use the manager's link
  const bobPage = await signedInPage(browser, bob.email);
  await bobPage.goto(path);
  await expect(bobPage.getByText("You cannot manage this grant or link.")).toBeVisible();
  await expect(bobPage.getByRole("button", { name: "Revoke access" })).toHaveCount(0);

  // opening the link (a GET) changes nothing
  await signIn(page, alice.email);
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Revoke this access?" })).toBeVisible();
  await expect(page.getByText(`${bob.name} (viewer) on the workspace "Sales analytics"`)).toBeVisible();
  await expect(page.getByText("Last used")).toBeVisible();
  expect(await bobsGrant(request, workspaceId)).toBeTruthy();

  await page.getByRole("button", { name: "Revoke access" }).click();
  await expect(page.getByRole("status")).toContainText("Revoked");
  expect(await bobsGrant(request, workspaceId)).toBeUndefined();

  // bob is told, and the link now says there is nothing left to decide
  await bobPage.goto(`/mailbox?to=${encodeURIComponent(bob.email)}`);
  await expect(bobPage.getByTestId("mail").filter({ hasText: "Your access to the workspace" }).first()).toBeVisible();
  await page.goto(path);
  await expect(page.getByText("no longer exists, or you cannot manage it")).toBeVisible();
});
