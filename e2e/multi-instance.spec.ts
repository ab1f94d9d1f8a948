// Two production instances on one PostgreSQL database and one S3 bucket (s3rver), as behind a
// load balancer: whatever one instance does, the other sees on the very next request.
// Needs TEST_DATABASE_URL (a PostgreSQL server; CI sets it): a fresh database is created in it.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startCluster, type Cluster } from "./scale-cluster";
import { COMPARED_HEADERS } from "./second-server";
import { cacheOf, openKept, signInThroughMailbox } from "./helpers";

const serverUrl = process.env.TEST_DATABASE_URL;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const b64 = (v: string) => Buffer.from(v).toString("base64");
/** A header's value; one the answer carries twice with the same value (a route's and next.config.js's) counts once. */
const headerOf = (response: Response, name: string) => {
  const value = response.headers.get(name);
  return value === null ? null : [...new Set(value.split(/,\s*/))].join(", ");
};

test.describe("two app instances, one PostgreSQL, one S3 bucket", () => {
  test.skip(!serverUrl, "TEST_DATABASE_URL is not set: the two-instance test needs a PostgreSQL server (CI sets it).");

  let cluster: Cluster;
  let a: string;
  let b: string;
  let alice: string;
  let carol: string;

  test.beforeAll(async () => {
    test.setTimeout(420_000);
    // A sends every request through Next (DIRECT_ROUTES=0); B answers token reads itself (scripts/direct-routes.mjs),
    // as a default install does: the reads below run on B, and one test compares the two instances' answers.
    cluster = await startCluster({ instances: 2, serverUrl: serverUrl!, instanceEnv: [{ DIRECT_ROUTES: "0" }, {}] });
    [a, b] = cluster.urls as [string, string];
    await cluster.cli("user", "create", "--email", "carol@example.com", "--username", "carol");
    alice = await cluster.cli("token", "create", "--username", "alice");
    carol = await cluster.cli("token", "create", "--username", "carol");
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test("upload through one instance (its PATCHes on both), download through the other", async ({ request }) => {
    const workspaces = (await (await request.get(`${a}/api/v1/workspaces`, { headers: auth(alice) })).json()) as {
      id: string;
      slug: string;
    }[];
    const sales = workspaces.find((w) => w.slug === "sales")!;
    const top = (await (
      await request.get(`${b}/api/v1/workspaces/${sales.id}/files`, { headers: auth(alice) })
    ).json()) as { folderId: string };

    const content = Buffer.alloc(3 * 1024 ** 2 + 5);
    for (let i = 0; i + 4 <= content.length; i += 4) content.writeUInt32LE((i * 2654435761) >>> 0, i);
    const tus = { ...auth(alice), "Tus-Resumable": "1.0.0" };
    const created = await request.post(`${a}/api/uploads`, {
      headers: {
        ...tus,
        "Upload-Length": String(content.length),
        "Upload-Metadata": `kind ${b64("file")},folderId ${b64(top.folderId)},name ${b64("across.bin")}`,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const location = created.headers()["location"]!;
    const upload = (base: string) => new URL(location, `${base}/api/uploads/`).toString();
    // A client that resumes after a dropped connection may reach any instance.
    const chunk = 1024 ** 2;
    let last = "";
    for (let offset = 0, turn = 0; offset < content.length; offset += chunk, turn++) {
      const base = turn % 2 === 0 ? a : b;
      const head = await request.head(upload(base), { headers: tus });
      expect(head.headers()["upload-offset"], `HEAD on ${base === a ? "A" : "B"}: ${head.status()}`).toBe(
        String(offset),
      );
      const patched = await request.patch(upload(base), {
        headers: { ...tus, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
        data: content.subarray(offset, offset + chunk),
      });
      expect([200, 204], await patched.text()).toContain(patched.status());
      last = await patched.text();
    }
    const file = JSON.parse(last) as { id: string; status: string };
    expect(file.status, last).toBe("created");

    const whole = await request.get(`${b}/api/v1/files/${file.id}/content`, { headers: auth(alice) });
    expect(whole.status(), await whole.text()).toBe(200);
    expect(
      createHash("sha256")
        .update(await whole.body())
        .digest("hex"),
    ).toBe(createHash("sha256").update(content).digest("hex"));
    const ranged = await request.get(`${b}/api/v1/files/${file.id}/content`, {
      headers: { ...auth(alice), Range: "bytes=1048570-1048585" },
    });
    expect(ranged.status(), await ranged.text()).toBe(206);
    expect(await ranged.body()).toEqual(content.subarray(1048570, 1048586));
  });

  test("share on one instance, read on the other; revoke on one and the very next read on the other is denied", async ({
    request,
  }) => {
    const listing = (await (await request.get(`${a}/api/v1/data/alice/sales`, { headers: auth(alice) })).json()) as {
      datasets: { name: string }[];
    };
    const dataset = listing.datasets[0]!.name;
    const rows = `${b}/api/v1/data/alice/sales/${dataset}?limit=2`;
    const shares = `${a}/api/v1/permissions/datasets/alice/sales/${dataset}/shares`;

    expect((await request.get(rows, { headers: auth(carol) })).status()).toBe(404);
    const shared = await request.post(shares, {
      headers: { ...auth(alice), "Content-Type": "application/json" },
      data: { username: "carol", role: "viewer" },
    });
    expect(shared.status(), await shared.text()).toBe(200);

    const read = await request.get(rows, { headers: auth(carol) });
    expect(read.status(), await read.text()).toBe(200);
    expect(((await read.json()) as { data: unknown[] }).data).toHaveLength(2); // Parquet read by DuckDB from B's local copy of the S3 object
    // The other instance, the other direction: B lists the grant A made.
    expect(await (await request.get(shares.replace(a, b), { headers: auth(alice) })).json()).toEqual([
      { username: "carol", role: "viewer" },
    ]);

    const revoked = await request.delete(shares, {
      headers: { ...auth(alice), "Content-Type": "application/json" },
      data: { username: "carol", role: "viewer" },
    });
    expect(revoked.status(), await revoked.text()).toBe(200);
    const denied = await request.get(rows, { headers: auth(carol) });
    expect(denied.status()).toBe(404);
  });

  test("a page kept by one instance: a grant revoked on the other, and its very next view there is a 404", async ({
    browser,
    request,
  }) => {
    const listing = (await (await request.get(`${a}/api/v1/data/alice/sales`, { headers: auth(alice) })).json()) as {
      datasets: { name: string }[];
    };
    const dataset = listing.datasets[0]!.name;
    const shares = `${a}/api/v1/permissions/datasets/alice/sales/${dataset}/shares`;
    const grant = {
      headers: { ...auth(alice), "Content-Type": "application/json" },
      data: { username: "carol", role: "viewer" },
    };
    const shared = await request.post(shares, grant);
    expect(shared.status(), await shared.text()).toBe(200);

    const carol = await (await browser.newContext({ baseURL: b })).newPage();
    await signInThroughMailbox(carol, "carol@example.com");
    await carol.waitForURL((url) => !url.pathname.startsWith("/api/auth"));
    // B keeps the page (PostgreSQL's data version, bumped at each commit, unchanged between two views)...
    await openKept(carol, `${b}/w/alice/sales/catalog/${dataset}`);
    // ...and A's revoke moves it: B's next view renders again and finds no grant.
    const revoked = await request.delete(shares, grant);
    expect(revoked.status(), await revoked.text()).toBe(200);
    const next = await carol.goto(`${b}/w/alice/sales/catalog/${dataset}`);
    expect(next?.status()).toBe(404);
    expect(cacheOf(next)).toBe("miss");
  });

  test("a token read answers the same from the server's direct route as through Next", async () => {
    const token = { Authorization: `Bearer ${alice}` };
    const gzip = { ...token, "Accept-Encoding": "gzip" };
    const cases: [string, Record<string, string>][] = [
      ["/api/v1/data/alice/sales/orders-2026?limit=5", token],
      ["/api/v1/data/alice/sales/orders-2026?limit=500&sort=-quantity", gzip],
      ["/api/v1/data/alice/sales/orders-2026?format=csv", gzip],
      ["/api/v1/data/alice/sales/orders-2026?format=jsonl&limit=20", token],
      ["/api/v1/data/alice/sales/orders-2026?format=parquet", token],
      ["/api/v1/data/alice/sales/orders-2026?limit=abc", token],
      ["/api/v1/data/alice/sales/no-such-dataset", token],
      ["/api/v1/data/alice/sales/orders-2026", { Authorization: `Bearer ${carol}` }],
      ["/api/v1/data/alice/sales/orders-2026", {}],
      ["/api/v1/data/alice/sales", token],
      ["/api/v1/data/alice/sal%65s?page=1", gzip],
    ];
    for (const [path, headers] of cases) {
      // fetch undoes the gzip; Content-Encoding still says whether the answer was compressed.
      const [viaNext, direct] = await Promise.all([
        fetch(`${a}${path}`, { headers }),
        fetch(`${b}${path}`, { headers }),
      ]);
      const label = `${path} (${Object.keys(headers).join(", ") || "no token"})`;
      expect(direct.status, label).toBe(viaNext.status);
      for (const name of COMPARED_HEADERS)
        expect(headerOf(direct, name), `${label}: ${name}`).toBe(headerOf(viaNext, name));
      expect(Buffer.from(await direct.arrayBuffer()).equals(Buffer.from(await viaNext.arrayBuffer())), label).toBe(
        true,
      );
    }
  });
});
