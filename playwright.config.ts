import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (these machines cannot download Playwright's browsers);
// Playwright's own browser anywhere else.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${PORT}`;
// Names each spec file's demo world (e2e/world.ts); set once here, inherited by the workers.
process.env.E2E_RUN_ID ??= Date.now().toString(36).slice(-5);

export default defineConfig({
  testDir: "e2e",
  // One results folder per port, so parallel runs (E2E_PORT) do not delete each other's traces.
  outputDir: process.env.E2E_PORT ? `test-results/port-${PORT}` : "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Spec files run in parallel, each on its own demo world (e2e/world.ts); the tests inside one file
  // run in order. No retries: a flaky test is fixed, not retried.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : {},
  },
  webServer: {
    // A production server on a fresh database (E2E_DATABASE_URL can point it at PostgreSQL).
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Every test signs in from this one machine, many times as the same seeded users, and the suite
    // shares from alice to many fresh accounts within minutes, and the accessibility walk opens
    // unavailable links on purpose: lift the sign-in, share-mail and failed-link limits (their own
    // tests: lib/auth/sign-in-limits.int.test.ts, lib/sharing/share-mail.int.test.ts,
    // lib/links/link-throttle.int.test.ts, and e2e/edge-security.spec.ts on a server of its own).
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      SIGNIN_MAIL_PER_ADDRESS: process.env.SIGNIN_MAIL_PER_ADDRESS || "10000",
      SIGNIN_MAIL_PER_CLIENT: process.env.SIGNIN_MAIL_PER_CLIENT || "10000",
      SHARE_MAIL_MAX_PER_HOUR: "1000",
      SHARE_MAIL_MAX_PER_DAY: "5000",
      LINK_MAX_FAILURES: "1000",
      LINK_MAX_DELAY_MS: "250",
      // no periodic reminders or reviews into other specs' mailboxes: e2e/reminders.spec.ts runs them itself
      JOBS_POLL_MS: "0",
    },
  },
});
