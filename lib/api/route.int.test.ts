import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as openAsDatasetRoute } from "@/app/api/files/[id]/open-as-dataset/route";
import { POST as tusPost } from "@/app/api/uploads/[[...id]]/route";
import { GET as listWorkspacesRoute, POST as createWorkspaceRoute } from "@/app/api/v1/workspaces/route";
import { getDb } from "@/lib/db";
import { createCast, putFile, setupTempStorage } from "@/lib/files/test-support";
import { resetRateLimits } from "@/lib/throttle/rate-limit";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { setupTestDatabase } from "@/test/db";

setupTestDatabase();
setupTempStorage();

const APP = "http://localhost:3000";
const bearer = (token: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...extra });
const noParams = { params: Promise.resolve({}) };

let n = 0;
async function userWithTokens(count: number) {
  const name = `rl${Date.now().toString(36)}${n++}`;
  const user = await createUser({ email: `${name}@example.com`, username: name });
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push((await createApiToken(user.id, { name: `t${i}` })).token);
  return { user, tokens };
}

/** Waits out the last seconds of a clock minute, so a test's requests share one rate-limit window. */
async function awayFromMinuteEdge() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((r) => setTimeout(r, left + 50));
}

describe("the route wrapper: per-user rate limits", () => {
  beforeEach(() => {
    resetRateLimits();
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "3");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("counts every token of one user against one budget: 429 with Retry-After, other users unaffected", async () => {
    const { tokens } = await userWithTokens(2);
    const other = await userWithTokens(1);
    await awayFromMinuteEdge();
    const get = (token: string) =>
      listWorkspacesRoute(new Request(`${APP}/api/v1/workspaces`, { headers: bearer(token) }), noParams);
    expect((await get(tokens[0]!)).status).toBe(200);
    expect((await get(tokens[1]!)).status).toBe(200);
    expect((await get(tokens[0]!)).status).toBe(200);
    // A fresh token minted by the same user does not buy a fresh budget.
    const limited = await get(tokens[1]!);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: "rate_limited" });
    expect((await get(other.tokens[0]!)).status).toBe(200);
  });
});

describe("the route wrapper: Origin check on cookie-authenticated writes", () => {
  const csvFile = async () => {
    const cast = await createCast();
    const file = await putFile(cast.owner, cast.rootId, "sales.csv", "region,amount\nnorth,1\n");
    return { cast, fileId: (file as { id: string }).id };
  };
  const post = (fileId: string, headers: Record<string, string>) =>
    openAsDatasetRoute(
      new Request(`${APP}/api/files/${fileId}/open-as-dataset`, {
        method: "POST",
        headers: { Host: "localhost:3000", Cookie: "next-auth.session-token=x", ...headers },
      }),
      {
        params: Promise.resolve({ id: fileId }),
      },
    );

  it.each([
    ["a foreign site", { Origin: "https://evil.example" }],
    ["a sibling origin on the same site", { Origin: "http://files.localhost:3000", "Sec-Fetch-Site": "same-site" }],
    ["another port of this host", { Origin: "http://localhost:4000" }],
    ["an opaque origin", { Origin: "null" }],
  ])("refuses a POST from %s with 403 in the JSON error shape, and changes nothing", async (_name, headers) => {
    const { fileId } = await csvFile();
    const counts = async () => [await getDb().datasetIngest.count(), await getDb().dataset.count()];
    const before = await counts();
    const res = await post(fileId, headers);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ code: "forbidden", error: expect.stringMatching(/another site/) });
    expect(await counts()).toEqual(before);
  });

  it("lets bearer-token requests through whatever their Origin (no cookie authority is involved)", async () => {
    const { tokens } = await userWithTokens(1);
    resetRateLimits();
    const res = await createWorkspaceRoute(
      new Request(`${APP}/api/v1/workspaces`, {
        method: "POST",
        headers: bearer(tokens[0]!, { Origin: "https://evil.example", "Content-Type": "application/json" }),
        body: JSON.stringify({ name: "Cross origin", slug: `xo-${n++}` }),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
  });
});

describe("the tus upload endpoint goes through the same wrapper", () => {
  it("refuses a cookie-authenticated upload started from a foreign origin with 403 and creates no upload", async () => {
    const cast = await createCast();
    const before = await getDb().upload.count();
    const res = await tusPost(
      new Request(`${APP}/api/uploads`, {
        method: "POST",
        headers: {
          Host: "localhost:3000",
          Cookie: "next-auth.session-token=x",
          Origin: "https://evil.example",
          "Tus-Resumable": "1.0.0",
          "Upload-Length": "3",
          "Upload-Metadata": `filename ${Buffer.from("a.txt").toString("base64")},folderId ${Buffer.from(cast.rootId).toString("base64")}`,
        },
      }),
      noParams,
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden" });
    expect(await getDb().upload.count()).toBe(before);
  });
});
