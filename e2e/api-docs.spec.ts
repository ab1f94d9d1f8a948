import { expect, test } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";
import { demoWorld, signIn } from "./world";

const { alice: aliceUser } = demoWorld("apidocs");

test.describe("REST API: OpenAPI document, reference page and rate limit", () => {
  test("the OpenAPI document is served without a token and lists the DataLinks paths", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/permissions/datasets/{owner}/{namespace}/{datasetName}/shares",
      "/permissions/namespaces/{owner}/{namespace}/shares",
      "/data/{owner}/{namespace}/{datasetName}",
      "/ingest/{namespace}/{datasetName}",
      "/upload/multipart/{owner}/{namespace}/{datasetName}/initiate",
      "/workspaces/{workspaceId}/shares/sharedBy/query",
    ]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
  });

  test("the reference page lists operations and tries one with a token", async ({ page }) => {
    const token = aliceUser.token;
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "Datashelf API" })).toBeVisible();
    await page.getByLabel(/API token/).fill(token);
    await page.getByLabel("Filter operations").fill("GET /workspaces list");
    const op = page.locator("details", { hasText: "List the caller's workspaces" });
    await op.locator("summary").click();
    await op.getByRole("button", { name: "Send request" }).click();
    await expect(op.getByText("Response: 200")).toBeVisible();
    await expect(op.locator("pre")).toContainText('"slug": "sales"');
  });

  test("the reference page renders the descriptions' Markdown (no literal backticks) and links back to the app", async ({
    page,
  }) => {
    await signIn(page, aliceUser.email);
    await page.goto("/docs/api");
    const main = page.getByRole("main");
    await expect(main.locator("code", { hasText: "Authorization: Bearer <token>" })).toBeVisible();
    // Every description, also inside the closed operations; code samples (pre, textarea) show JSON as it is.
    const prose = await main.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("pre, textarea").forEach((n) => n.remove());
      return copy.textContent ?? "";
    });
    expect(prose).toContain("Authorization: Bearer <token>");
    expect(prose).not.toContain("`");
    const tus = page.locator("details", { has: page.locator("summary", { hasText: "Start an upload" }) });
    await tus.locator("summary").first().click();
    await expect(tus.locator("code", { hasText: "key base64(value)" })).toBeVisible();

    await page.getByRole("link", { name: "Back to Datashelf" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${aliceUser.username}/`));
  });

  test("each user has a request budget per minute: 429 with Retry-After beyond it, other users unaffected", async ({
    request,
  }) => {
    // Up to a minute's wait for a fresh window, then the burst: on a busy machine well over the default minute.
    test.setTimeout(180_000);
    const token = await createUserWithToken(`rate${Date.now().toString(36)}`);
    // Budgets are counted in clock-minute windows: start well inside one, so the burst does not straddle two.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    const headers = { Authorization: `Bearer ${token}` };
    const limit = Number(process.env.API_RATE_LIMIT_PER_MINUTE || 600);
    let limited: Awaited<ReturnType<typeof request.get>> | undefined;
    // Should a slow machine still carry the burst into the next window, it goes on there (up to three budgets).
    for (let sent = 0; sent <= 3 * limit && !limited; sent += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => request.get("/api/v1/workspaces", { headers })));
      limited = batch.find((r) => r.status() === 429);
      expect(batch.every((r) => r.status() === 200 || r.status() === 429)).toBe(true);
    }
    expect(limited, "no 429 after the limit").toBeTruthy();
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await limited!.json()).toMatchObject({ code: "rate_limited" });
    // another user is unaffected
    expect(
      (
        await request.get("/api/v1/workspaces", {
          headers: { Authorization: `Bearer ${aliceUser.token}` },
        })
      ).status(),
    ).toBe(200);
  });
});
