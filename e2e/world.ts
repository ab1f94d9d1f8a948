// Isolation for the end-to-end suite: every spec file gets its own demo world (the seeded alice and
// bob, their workspaces, datasets and folders, under names no other file uses), so files run in
// parallel workers without seeing each other's uploads, shares or revocations. Signing in goes
// through the real mailbox flow once per user and worker; later pages reuse the saved storage state.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { runScript } from "./cli-helpers";
import { signInThroughMailbox } from "./helpers";

export type WorldUser = {
  username: string;
  email: string;
  name: string;
  /** An API token of this user, set once the world is seeded (in the file's first beforeAll). */
  token: string;
};
export type World = { alice: WorldUser; bob: WorldUser };

// One id per `playwright test` run (set in playwright.config.ts, inherited by the workers), so a
// database kept between runs (E2E_DATABASE_URL) never hands a file last run's world.
const RUN = process.env.E2E_RUN_ID ?? "local";

function user(first: string, key: string, name: string): WorldUser {
  const username = `${first}-${key}-${RUN}`;
  return { username, email: `${username}@example.com`, name, token: "" };
}

/**
 * The demo world of one spec file: call it once at the top of the file with a key no other file uses
 * (a few lowercase letters). The names are known at once (for URLs built at load time); the data is
 * seeded before the file's first test.
 */
export function demoWorld(key: string): World {
  const world = { alice: user("alice", key, "Alice Anders"), bob: user("bob", key, "Bob Berg") };
  test.beforeAll(async () => {
    test.setTimeout(120_000); // a few seconds alone; much longer on a machine shared with other jobs
    const users = [world.alice, world.bob].map(({ username, email, name }) => ({ username, email, name }));
    const { stdout } = await runScript("e2e/seed-world.ts", JSON.stringify(users));
    [world.alice.token, world.bob.token] = JSON.parse(stdout.trim().split("\n").pop()!) as [string, string];
  });
  return world;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const savedStates = new Map<string, Promise<StorageState>>();

/** Signs `page` in as `email` with a saved session (the first call per worker signs in through the mailbox). */
export async function signIn(page: Page, email: string) {
  const state = await savedState(page.context().browser()!, email);
  await page.context().addCookies(state.cookies);
}

/** A new browser context (a second person at another computer) signed in as `email`. */
export async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: baseURL(), storageState: await savedState(browser, email) });
  return context.newPage();
}

function savedState(browser: Browser, email: string) {
  let state = savedStates.get(email);
  if (!state) {
    state = signInOnce(browser, email);
    savedStates.set(email, state);
    state.catch(() => savedStates.delete(email));
  }
  return state;
}

async function signInOnce(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: baseURL() });
  try {
    const page = await context.newPage();
    await signInThroughMailbox(page, email);
    // The callback sets the session cookie on its redirect: wait until the app has landed.
    await expect(page).toHaveURL(/\/(w\/|onboarding|shared\/)/);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

function baseURL() {
  return test.info().project.use.baseURL;
}
