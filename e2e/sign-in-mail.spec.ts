// Sign-in e-mail limits and hashed sessions on a real production server of their own: the suite's
// shared server lifts the limits (its tests sign in many times), so this file starts one with a
// limit of 2 e-mails per address, on its own port and fresh database (scripts/e2e-server.mjs).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers";

const PORT = Number(process.env.E2E_MAIL_PORT || 3145);
const base = `http://localhost:${PORT}`;
const dbFile = path.resolve(`.tmp/e2e-data-${PORT}/datashelf.db`);
let server: ChildProcess | undefined;

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

async function askForLink(page: Page, email: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      APP_URL: base,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      SIGNIN_MAIL_PER_ADDRESS: "2",
      SIGNIN_MAIL_PER_CLIENT: "1000",
    },
    stdio: "ignore",
  });
  const deadline = Date.now() + 180_000;
  while (
    !(await fetch(`${base}/signin`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the sign-in test server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});
test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("the sign-in page says so when an address has asked for too many links", async ({ page }) => {
  const email = uniqueEmail("limited");
  for (let i = 0; i < 2; i++) {
    await askForLink(page, email);
    await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  }
  await askForLink(page, email.toUpperCase());
  await expect(page.getByText(/Too many sign-in links were asked for this address/)).toBeVisible();
  expect(query<{ n: number }>(`SELECT count(*) AS n FROM "Outbox" WHERE "to" = ?`, email)[0]!.n).toBe(2);
});

test("POST /api/auth/signin/email answers 429 with Retry-After over the limit", async ({ request }) => {
  const email = uniqueEmail("api");
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { csrfToken } = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
    const response = await request.post(`${base}/api/auth/signin/email`, {
      form: { email, csrfToken, callbackUrl: base, json: "true" },
    });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      expect(new URL(((await response.json()) as { url: string }).url).searchParams.get("error")).toBe("RateLimited");
    }
  }
  expect(statuses).toEqual([200, 200, 429]);
});

test("the session is stored as its SHA-256 only; signing in and out still work", async ({ page }) => {
  const email = uniqueEmail("hashed");
  await askForLink(page, email);
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await page.goto(`${base}/mailbox?to=${encodeURIComponent(email)}`);
  const link = page
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /api\/auth\/callback\/email/ });
  await page.goto((await link.getAttribute("href"))!);
  await expect(page).toHaveURL(/onboarding|\/$/);

  const cookie = (await page.context().cookies(base)).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeTruthy();
  const rows = query<{ sessionToken: string }>(
    `SELECT s."sessionToken" FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = ?`,
    email,
  );
  expect(rows.map((r) => r.sessionToken)).toEqual([createHash("sha256").update(cookie!.value).digest("hex")]);
  expect(
    ((await (await page.request.get(`${base}/api/auth/session`)).json()) as { user?: { email?: string } }).user?.email,
  ).toBe(email);

  const { csrfToken } = (await (await page.request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  await page.request.post(`${base}/api/auth/signout`, { form: { csrfToken, callbackUrl: base, json: "true" } });
  expect(query(`SELECT 1 FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = ?`, email)).toHaveLength(
    0,
  );
  expect(await (await page.request.get(`${base}/api/auth/session`)).json()).toEqual({});
});
