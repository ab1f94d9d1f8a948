// The page cache (scripts/page-cache.mjs) seen from a browser: a page served again is the same working page with a
// fresh nonce, and a grant or link revoked through one instance is seen by the other's very next page. Two servers
// of their own on a database of their own: on the suite's database every other spec's writes move the data version
// all the time, and what is served again would be left to chance.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { type Browser, type Page, type Response, expect, test } from "@playwright/test";
import { cacheOf, openKept, signInThroughMailbox } from "./helpers";
import { SUITE_PORT, type SecondServer, startSecondServer } from "./second-server";

const run = promisify(execFile);
const dataDir = path.resolve(`.tmp/e2e-page-cache-${SUITE_PORT}`);
const env = { DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "datashelf.db")}` };
const PORTS = [SUITE_PORT + 21, SUITE_PORT + 22] as const;
const [one, two] = PORTS.map((port) => `http://localhost:${port}`) as [string, string];
const DATASET = "/w/alice/sales/catalog/orders-2026";
const SHARES = "/api/v1/permissions/datasets/alice/sales/orders-2026/shares";

const script = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", ...args], {
    env: { ...process.env, ...env },
  });

let servers: SecondServer[] = [];
let aliceToken = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  await script("scripts/db/migrate.ts");
  await script("cli/index.ts", "db", "seed");
  await script("cli/index.ts", "user", "create", "--email", "carol@example.com", "--username", "carol");
  aliceToken = (await script("cli/index.ts", "token", "create", "--username", "alice")).stdout.trim();
  servers = await Promise.all(PORTS.map((port) => startSecondServer(port, env)));
});
test.afterAll(() => {
  for (const server of servers) server.stop();
});

const nonceOf = (response: Response | null) =>
  /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: one })).newPage();
  await signInThroughMailbox(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/api/auth"));
  return page;
}

test("a page served again is the same working page, with a fresh nonce on its policy and scripts", async ({
  browser,
}) => {
  const page = await signedIn(browser, "alice@example.com");
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|nonce/i.test(message.text())) blocked.push(message.text());
  });
  const rendered = await page.goto(`${one}${DATASET}`);
  const kept = await openKept(page, `${one}${DATASET}`);
  const nonce = nonceOf(kept);
  expect(nonce).toBeTruthy();
  expect(nonce).not.toBe(nonceOf(rendered));
  const html = await kept!.text();
  const scriptNonces = [...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  expect(kept!.headers()["cache-control"]).toContain("no-store");

  // Its scripts run: the grid loads its rows, and the Share button opens its dialog.
  await expect(page.getByRole("heading", { name: "Orders 2026" })).toBeVisible();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Share “Orders 2026”" })).toBeVisible();
  expect(blocked).toEqual([]);

  // Another person's view of the same URL is their own page.
  const bob = await signedIn(browser, "bob@example.com");
  const bobs = await bob.goto(`${one}${DATASET}`);
  expect(cacheOf(bobs)).toBe("miss");
  await expect(bob.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
});

test("a grant revoked through one instance: the other's very next page is a 404", async ({ browser, request }) => {
  const auth = { Authorization: `Bearer ${aliceToken}`, "Content-Type": "application/json" };
  const shared = await request.post(`${two}${SHARES}`, { headers: auth, data: { username: "carol", role: "viewer" } });
  expect(shared.status(), await shared.text()).toBe(200);
  const carol = await signedIn(browser, "carol@example.com");
  await openKept(carol, `${one}${DATASET}`);
  await expect(carol.getByRole("heading", { name: "Orders 2026" })).toBeVisible();

  const revoked = await request.delete(`${two}${SHARES}`, {
    headers: auth,
    data: { username: "carol", role: "viewer" },
  });
  expect(revoked.status(), await revoked.text()).toBe(200);
  const next = await carol.goto(`${one}${DATASET}`);
  expect(next?.status()).toBe(404);
  expect(cacheOf(next)).toBe("miss");
});

test("a link revoked through one instance: the other's very next view of it is not available", async ({ browser }) => {
  const alice = await signedIn(browser, "alice@example.com");
  await alice.goto(`${one}${DATASET}`);
  await alice.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = alice.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill("Cached");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const linkPath = new URL(await dialog.getByTestId("new-link").inputValue()).pathname;

  const visitor = await (await browser.newContext()).newPage();
  await openKept(visitor, `${one}${linkPath}`);
  await expect(visitor.getByText("Read-only link")).toBeVisible();

  await alice.goto(`${two}${DATASET}`);
  await alice.getByRole("button", { name: "Share", exact: true }).click();
  await alice.getByRole("dialog").getByRole("tab", { name: "Access links" }).click();
  await alice.getByRole("dialog").getByRole("button", { name: "Revoke link Cached" }).click();
  await expect(alice.getByRole("dialog").getByTestId("link-row").filter({ hasText: "Cached" })).toContainText(
    "revoked",
  );

  const next = await visitor.goto(`${one}${linkPath}`);
  expect(next?.status()).toBe(404);
  expect(cacheOf(next)).toBe("miss");
});
