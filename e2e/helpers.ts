import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type Response } from "@playwright/test";

/** Signs in through the real flow: request a magic link, open it from the local mailbox. */
export async function signInThroughMailbox(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await page.getByRole("link", { name: "Open the local mailbox" }).click();
  const link = page
    .getByTestId("mail")
    .first()
    .getByRole("link", { name: /api\/auth\/callback\/email/ });
  const href = await link.getAttribute("href");
  await link.click();
  return href!;
}

/** Whether a page came from the app server's page cache ("hit") or was rendered ("miss"); see scripts/page-cache.mjs. */
export const cacheOf = (response: Response | null) => response?.headers()["x-datashelf-page-cache"];

/**
 * Opens `url` until it comes from the page cache (the first view renders it, and so does a view right after a write
 * anywhere in the database) and returns that answer.
 */
export async function openKept(page: Page, url: string): Promise<Response | null> {
  let response: Response | null = null;
  for (let i = 0; i < 5 && cacheOf(response) !== "hit"; i++) response = await page.goto(url);
  expect(cacheOf(response)).toBe("hit");
  return response;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

export type AxeFinding = { where: string; rule: string; impact: string; help: string; targets: string[] };

const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core with the WCAG 2.0 and 2.1 A and AA rules on what the page shows now (an open dialog
 * included) and returns its serious and critical violations, named by `where`.
 */
export async function axeViolations(page: Page, where: string): Promise<AxeFinding[]> {
  await animationsSettled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ").slice(0, 200)}]` : ""}`,
        ),
    }));
}

/**
 * Waits until every CSS transition and finite animation on the page has finished (endless ones, such as a spinner,
 * are left running; a stuck one is given 2 s a round). axe measures colours as they are at that moment: a colour
 * still fading (a switched colour scheme's `transition-colors`, a dialog's tab or badge fading in) measures as low
 * contrast, which is what failed on a quiet machine, where the scan starts within the transition's 150 ms.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 5; round++) {
      // getAnimations() brings styles up to date first, so transitions a change just started are included.
      const running = document
        .getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      await Promise.race([
        Promise.allSettled(running.map((a) => a.finished)),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
    }
  });
}

/** Checks pages and dialogs as they are shown, in both colour schemes, and fails once listing every finding. */
export function axeAudit() {
  const checked: string[] = [];
  const found: AxeFinding[] = [];
  return {
    checked,
    async check(page: Page, where: string) {
      // A toast still fading in or out has half-transparent colours, which axe measures as low contrast (seen in
      // CI); toasts (4 s each) are let go first, so each scan sees the screen as it settles. A toast can still
      // arrive during a scan (a server action answering late: seen in CI, 3.54:1 mid-fade), so scans run with
      // reduced motion, which sonner honours by showing toasts at once: one arriving is measured in its own colours.
      await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
        found.push(...(await axeViolations(page, `${where} (${colorScheme})`)));
      }
      await page.emulateMedia({ colorScheme: "light", reducedMotion: null });
      checked.push(where);
    },
    expectNoViolations() {
      const list = found.map((f) => `${f.where}: ${f.impact} ${f.rule} (${f.help})\n    ${f.targets.join("\n    ")}`);
      if (list.length) console.log(`axe found ${list.length} serious or critical violations:\n${list.join("\n")}`);
      expect(list, "serious or critical axe violations").toEqual([]);
    },
  };
}

/** Opens the share dialog from the button named `trigger` on the page at `url`. */
export async function openShareDialog(page: Page, url: string, trigger = "Share") {
  await page.goto(url);
  await page.getByRole("button", { name: trigger, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Share/ })).toBeVisible();
  return dialog;
}

/** A read-only access link made in the share dialog, as a manager makes one; answers the dialog and its path. */
export async function createAccessLink(page: Page, url: string, trigger: string, label: string, password = "") {
  const dialog = await openShareDialog(page, url, trigger);
  await dialog.getByRole("tab", { name: "Access links" }).click();
  await dialog.getByLabel("Label (optional)").fill(label);
  if (password) await dialog.getByLabel("Password (optional)").fill(password);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByTestId("new-link").inputValue();
  return { dialog, path: new URL(link).pathname };
}
