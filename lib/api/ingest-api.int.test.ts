import { describe, expect, it } from "vitest";
import { POST as ingest } from "@/app/api/v1/ingest/[namespace]/[datasetName]/route";
import { setupCatalogStorage } from "@/lib/catalog/test-support";
import { getDb } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";

setupTestDatabase();
setupCatalogStorage();

let n = 0;
/** A user with a namespace of their own and an API token, as a REST client has. */
async function client() {
  const username = `api${++n}${Date.now().toString(36)}`;
  const user = await createUser({ email: `${username}@example.com`, username });
  const actor = { id: user.id, email: user.email, username: user.username };
  await createWorkspace(actor, { name: "Data", slug: "data" });
  const { token } = await createApiToken(user.id, { name: "test" });
  const post = (dataset: string, content: string | Buffer) =>
    ingest(
      new Request(`http://localhost/api/v1/ingest/data/${dataset}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: typeof content === "string" ? content : Uint8Array.from(content),
      }),
      {
        params: Promise.resolve({ namespace: "data", datasetName: dataset }),
      },
    );
  return { post };
}

const nested = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

describe("POST /api/v1/ingest/{namespace}/{datasetName}", () => {
  it("refuses records nested 1,000 or 5,000 deep with 422, and a value nested past the column limit, naming the record", async () => {
    const { post } = await client();
    for (const depth of [1000, 5000]) {
      const response = await post("deep", `[{"id": 1, "v": ${nested(depth)}}]`);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        code: "invalid",
        error: "The JSON body is nested more than 64 levels deep.",
      });
    }
    const past = await post("deep", `{"data": [{"id": 1, "v": 1}, {"id": 2, "v": ${nested(17)}}]}`);
    expect(past.status).toBe(422);
    expect(await past.json()).toEqual({
      code: "invalid",
      error: "Record 2: values are nested more than 16 levels deep; a dataset column can hold at most 16 levels.",
    });
    expect(await getDb().dataset.count({ where: { slug: "deep" } })).toBe(0);
    const within = await post("deep", `[{"id": 1, "v": ${nested(16)}}]`);
    expect(within.status).toBe(201);
  });

  it("refuses a body that is not valid UTF-8 with 422 instead of storing U+FFFD", async () => {
    const { post } = await client();
    const body = Buffer.concat([Buffer.from('[{"id": 1, "name": "caf'), Buffer.from([0xe9]), Buffer.from('"}]')]);
    const response = await post("latin1", body);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ code: "invalid", error: "The request body is not valid UTF-8 text." });
    expect(await getDb().dataset.count({ where: { slug: "latin1" } })).toBe(0);
  });

  it("serialises concurrent appends to one dataset: every request succeeds and every record is kept", async () => {
    const { post } = await client();
    expect((await post("events", '[{"id": 0, "who": "first"}]')).status).toBe(201);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post("events", JSON.stringify([{ id: i + 1, who: `writer ${i + 1}` }]))),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
      version: number;
      rowCount: number;
      error?: string;
    }[];
    expect(
      responses.map((r) => r.status),
      JSON.stringify(bodies),
    ).toEqual([200, 200, 200, 200, 200, 200]);
    expect(bodies.map((b) => b.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    const dataset = await getDb().dataset.findFirstOrThrow({ where: { slug: "events" } });
    expect(Number(dataset.rowCount)).toBe(7);
  });

  it("creates a new dataset once when two first ingests arrive together, appending the other", async () => {
    const { post } = await client();
    const [a, b] = await Promise.all([post("fresh", '[{"id": 1}]'), post("fresh", '[{"id": 2}]')]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const dataset = await getDb().dataset.findFirstOrThrow({ where: { slug: "fresh" } });
    expect(Number(dataset.rowCount)).toBe(2);
  });
});
