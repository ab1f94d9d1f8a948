import { expect, test } from "@playwright/test";
import { createUserWithToken, tokenFor } from "./cli-helpers";
import { signInThroughMailbox } from "./helpers";
import { demoWorld } from "./world";

const { alice: aliceUser } = demoWorld("guards");

const MALFORMED = ["%E0%A4%A", "%FF%FE", "%ED%A0%80"];

test.describe("the request guards every route goes through", () => {
  test("malformed percent-encoding in any /api/v1 path is a JSON 400 in the error shape, with or without a token", async ({
    request,
  }) => {
    const token = aliceUser.token;
    for (const bad of MALFORMED) {
      for (const [method, path] of [
        ["GET", `/api/v1/data/${aliceUser.username}/${bad}`],
        ["GET", `/api/v1/data/${aliceUser.username}/sales/${bad}`],
        ["POST", `/api/v1/ingest/${bad}/records`],
        ["DELETE", `/api/v1/workspaces/${bad}/keys`],
        ["GET", `/api/v1/files/${bad}/content`],
      ] as const) {
        for (const headers of [{}, { Authorization: `Bearer ${token}` }] as Record<string, string>[]) {
          const res = await request.fetch(path, { method, headers });
          const label = `${method} ${path} ${"Authorization" in headers ? "with" : "without"} token`;
          expect(res.status(), label).toBe(400);
          expect(res.headers()["content-type"], label).toMatch(/application\/json/);
          expect(await res.json(), label).toEqual({
            code: "bad_request",
            error: "The URL contains malformed percent-encoding.",
          });
        }
      }
    }
    // Well-formed percent-encoding still reaches the route.
    const fine = await request.get(`/api/v1/data/${aliceUser.username}/caf%C3%A9%20bar`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(fine.status()).toBe(404);
    expect(await fine.json()).toMatchObject({ code: "not_found" });
  });

  test("a cookie-authenticated POST from a foreign or sibling origin is refused with 403; the app's own origin passes", async ({
    page,
    baseURL,
  }) => {
    // Signed in first, so the requests below follow each other closely: a keep-alive socket left idle
    // through the sign-in can be closed by the server just as the next request goes out on it (ECONNRESET).
    await signInThroughMailbox(page, aliceUser.email);
    const token = aliceUser.token;
    const api = { Authorization: `Bearer ${token}` };
    // The demo's data/customers.csv in alice's personal workspace.
    const workspaces = (await (await page.request.get("/api/v1/workspaces", { headers: api })).json()) as {
      id: string;
      personal: boolean;
    }[];
    const personal = workspaces.find((w) => w.personal)!;
    const root = (await (
      await page.request.get(`/api/v1/workspaces/${personal.id}/files`, { headers: api })
    ).json()) as { entries: { id: string; name: string }[] };
    const data = root.entries.find((e) => e.name === "data")!;
    const folder = (await (await page.request.get(`/api/v1/files/folders/${data.id}`, { headers: api })).json()) as {
      entries: { id: string; name: string }[];
    };
    const csv = folder.entries.find((e) => e.name === "customers.csv")!;

    const own = new URL(baseURL!);
    const sibling = `${own.protocol}//files.${own.hostname}:${own.port}`;
    for (const headers of [
      { Origin: "https://evil.example" },
      { Origin: sibling, "Sec-Fetch-Site": "same-site" },
      { Origin: `${own.protocol}//${own.hostname}:1` },
    ] as Record<string, string>[]) {
      const res = await page.request.post(`/api/files/${csv.id}/open-as-dataset`, { headers });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden" });
    }
    // The same session from the app's own page works: the refusal was the origin, not the session.
    const ok = await page.request.post(`/api/files/${csv.id}/open-as-dataset`, { headers: { Origin: own.origin } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ url: expect.stringContaining("/") });
  });

  test("one request budget per user: every API token, the session cookie and server actions share it", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const name = `budget${Date.now().toString(36)}`;
    const tokens = [await createUserWithToken(name), await tokenFor(name)];
    // Minted now, used only after the burst: a CLI call after it could outlast the clock-minute window.
    const third = await tokenFor(name);
    await signInThroughMailbox(page, `${name}@example.com`);
    await page.goto("/account");
    await page.getByLabel("Token name").fill("one more");
    const limit = Number(process.env.API_RATE_LIMIT_PER_MINUTE || 600);
    // Budgets are counted in clock-minute windows: start early in one, so the burst and the checks after it share it.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 40_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    // Two tokens of one user, alternating: they exhaust one budget, not two.
    let limited: Awaited<ReturnType<typeof page.request.get>> | undefined;
    for (let sent = 0; sent <= 3 * limit && !limited; sent += 50) {
      // A reused keep-alive socket the busy server has just closed fails the request: send it again.
      const get = (token: string) =>
        page.request
          .get("/api/v1/workspaces", { headers: { Authorization: `Bearer ${token}` } })
          .catch(() => page.request.get("/api/v1/workspaces", { headers: { Authorization: `Bearer ${token}` } }));
      const batch = await Promise.all(Array.from({ length: 50 }, (_, i) => get(tokens[i % 2]!)));
      limited = batch.find((r) => r.status() === 429);
    }
    expect(limited, "no 429 after the limit").toBeTruthy();
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
    // A token not used in the burst, the browser session's route requests and server actions draw on the same budget.
    expect(
      (await page.request.get("/api/v1/workspaces", { headers: { Authorization: `Bearer ${third}` } })).status(),
    ).toBe(429);
    const cookieRoute = await page.request.get("/api/datasets/none/versions");
    expect(cookieRoute.status()).toBe(429);
    expect(await cookieRoute.json()).toMatchObject({ code: "rate_limited" });
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Too many requests/ })).toBeVisible();
    // Another user is unaffected.
    expect(
      (
        await page.request.get("/api/v1/workspaces", {
          headers: { Authorization: `Bearer ${aliceUser.token}` },
        })
      ).status(),
    ).toBe(200);
  });
});
