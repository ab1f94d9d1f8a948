import os from "node:os";
import { expect, test } from "@playwright/test";
import { signInThroughMailbox, uniqueEmail } from "./helpers";
import { type SecondServer, SUITE_PORT, startSecondServer } from "./second-server";
import { demoWorld } from "./world";

const { alice: aliceUser } = demoWorld("edge");

// The suite's own server (scripts/e2e-server.mjs → scripts/server.mjs) listens with the default
// host; a second instance of scripts/server.mjs on the same database listens on every interface,
// so requests can arrive from a non-loopback address of this machine.
const PORT = SUITE_PORT;
const EXPOSED_PORT = PORT + 1;

/** An address of this machine other than loopback: requests to it come from that address. */
function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) if (!entry.internal && entry.family === "IPv4") return entry.address;
  }
  throw new Error("this test needs a non-loopback IPv4 address");
}

let exposed: SecondServer | undefined;

test.beforeAll(async () => {
  exposed = await startSecondServer(EXPOSED_PORT, { DATASHELF_HOST: "0.0.0.0", LINK_MAX_DELAY_MS: "20" }, "0.0.0.0");
});

test.afterAll(() => {
  exposed?.stop();
});

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, redirect: "manual" });

test("npm start's server listens on localhost only by default", async () => {
  expect((await get(`http://127.0.0.1:${PORT}/signin`)).status).toBe(200);
  await expect(get(`http://${lanAddress()}:${PORT}/signin`)).rejects.toThrow();
});

test("the local mailbox answers only this machine; listening beyond localhost is warned about at start-up and on /signin", async ({
  page,
}) => {
  // a message to read
  await signInThroughMailbox(page, uniqueEmail("mailbox"));
  const local = `http://127.0.0.1:${EXPOSED_PORT}`;
  const remote = `http://${lanAddress()}:${EXPOSED_PORT}`;
  const listing = await get(`${local}/mailbox?to=${encodeURIComponent(aliceUser.email)}`);
  expect(listing.status).toBe(200);
  const id = (await (await get(`${local}/mailbox`)).text()).match(/href="\/mailbox\/([^"]+)"/)![1]!;
  expect((await get(`${local}/mailbox/${id}`)).status).toBe(200);

  const spoofed = {
    "x-forwarded-for": "127.0.0.1",
    "x-real-ip": "127.0.0.1",
    "x-datashelf-client-address": "127.0.0.1",
  };
  for (const url of [
    `${remote}/mailbox`,
    `${remote}/mailbox?to=${encodeURIComponent(aliceUser.email)}`,
    `${remote}/mailbox/${id}`,
  ]) {
    expect((await get(url)).status, url).toBe(404);
    expect((await get(url, spoofed)).status, `${url} with spoofed headers`).toBe(404);
  }

  expect(exposed!.output()).toContain("WARNING: listening on 0.0.0.0, beyond localhost");
  const signin = await (await get(`${remote}/signin`)).text();
  expect(signin).toContain("this server is reachable from the network");
  expect(signin).not.toContain('href="/mailbox"');
  // the default (localhost) server shows no warning
  expect(await (await get(`http://127.0.0.1:${PORT}/signin`)).text()).not.toContain("reachable from the network");
});

test("a throttled access link page answers 429, and only for the client that failed", async () => {
  const remote = `http://${lanAddress()}:${EXPOSED_PORT}`;
  for (let i = 0; i < 10; i++) expect((await get(`${remote}/s/sl_not_a_link_${i}`)).status).toBe(404);
  const throttled = await get(`${remote}/s/sl_not_a_link_x`, {
    "x-real-ip": "10.1.2.3",
    "x-forwarded-for": "10.1.2.4",
  });
  expect(throttled.status).toBe(307);
  expect(throttled.headers.get("location")).toBe("/s/throttled");
  const page = await get(`${remote}/s/throttled`);
  expect(page.status).toBe(429);
  expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await page.text()).toContain("Too many attempts");
  // another client (this machine) is not locked out
  expect((await get(`http://127.0.0.1:${EXPOSED_PORT}/s/sl_not_a_link_y`)).status).toBe(404);
});

test("pages send a CSP with a fresh nonce on Next's scripts, a Permissions-Policy, and still work in the browser", async ({
  page,
}) => {
  const first = await get(`http://127.0.0.1:${PORT}/signin`);
  const csp = first.headers.get("content-security-policy") ?? "";
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(first.headers.get("permissions-policy")).toContain("camera=()");
  expect(first.headers.get("strict-transport-security")).toBeNull(); // APP_URL is http here
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const second = await get(`http://127.0.0.1:${PORT}/signin`);
  expect(second.headers.get("content-security-policy")).not.toContain(nonce!);

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInThroughMailbox(page, aliceUser.email);
  await expect(page).toHaveURL(/\/w\//);
  // A click before the menu has hydrated opens nothing (the clean-clone CI on a quiet machine): open it until it shows.
  await expect(async () => {
    await page.getByRole("button", { name: "Switch workspace" }).click();
    await expect(page.getByRole("menuitem").first()).toBeVisible({ timeout: 2_000 });
  }).toPass();
  expect(violations).toEqual([]);
});

test("a stranger gets the same 404 for a workspace that exists and one that does not", async ({ page }) => {
  await signInThroughMailbox(page, uniqueEmail("stranger"));
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Username").fill(`st-${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/catalog$/);

  // The same response apart from the path the stranger typed (Next echoes it in the page's router state) and the nonce.
  const body = async (url: string, slug: string) => {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
    const nonce = response.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1]!;
    return (await response.text()).split(nonce).join("NONCE").split(slug).join("SLUG");
  };
  for (const rest of ["", "/catalog", "/catalog/customers", "/files", "/files/data", "/activity", "/settings"]) {
    const existing = await body(`/w/${aliceUser.username}/sales${rest}`, "sales");
    const missing = await body(`/w/${aliceUser.username}/no-such-workspace${rest}`, "no-such-workspace");
    expect(existing, rest).toBe(missing);
  }
  expect(await body(`/w/${aliceUser.username}/personal/files`, "personal")).toBe(
    await body(`/w/${aliceUser.username}/zzzzzzzz/files`, "zzzzzzzz"),
  );
});

test("signing in from an access link does not put the link's token in the e-mail, and comes back to the link", async ({
  page,
}) => {
  const token = `sl_${"x".repeat(22)}`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/s/${token}/folder`)}`);
  await page.getByLabel("E-mail address").fill(aliceUser.email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await page.getByRole("link", { name: "Open the local mailbox" }).click();
  const link = page
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /api\/auth\/callback\/email/ });
  const href = (await link.getAttribute("href"))!;
  expect(href).not.toContain(token);
  expect(decodeURIComponent(href)).toContain("/signin/continue");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/s/${token}/folder$`));
});
