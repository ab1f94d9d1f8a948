import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";
import { demoWorld } from "./world";

const { alice: aliceUser, bob: bobUser } = demoWorld("apidata");

const auth = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });
const raw = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe("REST API: DataLinks dataset sharing, data, ingest and multipart upload", () => {
  let alice: string;
  let bob: string;
  let erin: string;
  let erinName: string;
  let frank: string;
  let frankName: string;
  const orders = `/api/v1/permissions/datasets/${aliceUser.username}/sales/orders-2026/shares`;

  test.beforeAll(async () => {
    test.setTimeout(120_000); // new users through the CLI: seconds each, longer on a busy machine
    alice = aliceUser.token;
    bob = bobUser.token;
    const suffix = Date.now().toString(36);
    erinName = `erin${suffix}`;
    frankName = `frank${suffix}`;
    erin = await createUserWithToken(erinName);
    frank = await createUserWithToken(frankName);
  });

  async function datasetNames(
    request: APIRequestContext,
    token: string,
    path = `/api/v1/data/${aliceUser.username}/sales`,
  ) {
    const res = await request.get(path, { headers: raw(token) });
    return {
      status: res.status(),
      names: res.ok() ? ((await res.json()).datasets as { name: string }[]).map((d) => d.name).sort() : [],
    };
  }

  test("dataset shares: share, list, revoke and every documented status code", async ({ request }) => {
    expect((await request.get(orders)).status()).toBe(401);
    expect((await request.get(orders, { headers: raw("dsk_wrong") })).status()).toBe(401);

    const shared = await request.post(orders, {
      headers: auth(alice),
      data: { username: erinName.toUpperCase(), role: "viewer" },
    });
    expect(shared.status()).toBe(200);
    expect(await shared.text()).toBe("");
    expect(await (await request.get(orders, { headers: raw(alice) })).json()).toEqual([
      { username: erinName, role: "viewer" },
    ]);

    const notOwner = await request.post(orders, { headers: auth(bob), data: { username: frankName, role: "viewer" } });
    expect(notOwner.status()).toBe(403);
    expect((await notOwner.json()).error).toMatch(/access can be managed by the owner only/i);
    expect((await request.get(orders, { headers: raw(erin) })).status()).toBe(403); // a viewer reads the data, not the grants
    expect((await request.get(orders, { headers: raw(frank) })).status()).toBe(404); // a stranger learns nothing

    const badRole = await request.post(orders, { headers: auth(alice), data: { username: erinName, role: "Viewer" } });
    expect(badRole.status()).toBe(422);
    expect(await badRole.json()).toMatchObject({ code: "invalid", fieldErrors: { role: expect.any(String) } });
    const unknown = await request.post(orders, {
      headers: auth(alice),
      data: { username: "nobody-here", role: "viewer" },
    });
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error).toContain("nobody-here");
    expect((await request.post(orders, { headers: auth(alice), data: Buffer.from("not json") })).status()).toBe(400);
    expect(
      (
        await request.post(orders, { headers: auth(alice), data: { username: "workspace:anything", role: "viewer" } })
      ).status(),
    ).toBe(422); // a username is only a username
    expect(
      (
        await request.get(`/api/v1/permissions/datasets/${aliceUser.username}/sales/no-such-dataset/shares`, {
          headers: raw(alice),
        })
      ).status(),
    ).toBe(404);

    // an e-mail without an account is a pending grant, listed with "email"
    await request.post(orders, { headers: auth(alice), data: { email: "Pending.Person@example.org", role: "editor" } });
    expect(await (await request.get(orders, { headers: raw(alice) })).json()).toEqual([
      { username: erinName, role: "viewer" },
      { email: "pending.person@example.org", role: "editor" },
    ]);
    expect(
      (await request.delete(orders, { headers: auth(alice), data: { email: "pending.person@example.org" } })).status(),
    ).toBe(200);

    // revoke matches on the user whatever role is named; a second revoke finds nothing
    expect(
      (await request.delete(orders, { headers: auth(alice), data: { username: erinName, role: "editor" } })).status(),
    ).toBe(200);
    expect(await (await request.get(orders, { headers: raw(alice) })).json()).toEqual([]);
    expect(
      (await request.delete(orders, { headers: auth(alice), data: { username: erinName, role: "viewer" } })).status(),
    ).toBe(404);
  });

  test("data: a grantee lists and reads under the owner's username; everyone else gets 404", async ({ request }) => {
    const all = await datasetNames(request, alice);
    expect(all.status).toBe(200);
    expect(all.names).toContain("orders-2026");
    expect(all.names.length).toBeGreaterThan(1);
    expect((await datasetNames(request, frank)).status).toBe(404);
    expect(
      (await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026`, { headers: raw(frank) })).status(),
    ).toBe(404);
    expect((await request.get(`/api/v1/data/${aliceUser.username}/nope`, { headers: raw(alice) })).status()).toBe(404);

    await request.post(orders, { headers: auth(alice), data: { username: frankName, role: "viewer" } });
    expect(await datasetNames(request, frank)).toEqual({ status: 200, names: ["orders-2026"] });
    const other = all.names.find((n) => n !== "orders-2026")!;
    expect(
      (await request.get(`/api/v1/data/${aliceUser.username}/sales/${other}`, { headers: raw(frank) })).status(),
    ).toBe(404);

    // a page with columns, sort, filters and a cursor
    const url = `/api/v1/data/${aliceUser.username}/sales/orders-2026?limit=3&columns=order_id,region,quantity&sort=-quantity,order_id&filter=region:eq:North&filter=quantity:range:5..10`;
    const first = await request.get(url, { headers: raw(frank) });
    expect(first.status()).toBe(200);
    const page = await first.json();
    expect(page.columns.map((c: { name: string }) => c.name)).toEqual(["order_id", "region", "quantity"]);
    expect(page.data).toHaveLength(3);
    for (const row of page.data) {
      expect(row.region).toBe("North");
      // 64-bit integers travel as strings (JSON numbers cannot hold them exactly)
      expect(Number(row.quantity)).toBeGreaterThanOrEqual(5);
      expect(Number(row.quantity)).toBeLessThanOrEqual(10);
    }
    expect(Number(page.data[0].quantity)).toBe(10);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = await (await request.get(`${url}&cursor=${page.nextCursor}`, { headers: raw(frank) })).json();
    expect(second.data[0].order_id).not.toBe(page.data[0].order_id);
    expect(second.total).toBe(page.total);

    const nulls = await (
      await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026?filter=shipped:is_null&limit=1`, {
        headers: raw(frank),
      })
    ).json();
    expect(nulls.data[0].shipped).toBeNull();
    const json = await request.get(
      `/api/v1/data/${aliceUser.username}/sales/orders-2026?filter=${encodeURIComponent('[{"column":"product","op":"contains","value":"gadg"}]')}&limit=1`,
      { headers: raw(frank) },
    );
    expect((await json.json()).data[0].product).toBe("Gadget");

    const badColumn = await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026?filter=nope:eq:1`, {
      headers: raw(frank),
    });
    expect(badColumn.status()).toBe(422);
    expect((await badColumn.json()).error).toContain("nope");
    expect(
      (
        await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026?filter=region=North`, {
          headers: raw(frank),
        })
      ).status(),
    ).toBe(422);
    expect(
      (
        await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026?limit=5000`, { headers: raw(frank) })
      ).status(),
    ).toBe(422);
    expect(
      (
        await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026?format=xml`, { headers: raw(frank) })
      ).status(),
    ).toBe(422);

    // streamed formats: every matching row
    const csv = await request.get(
      `/api/v1/data/${aliceUser.username}/sales/orders-2026?format=csv&columns=order_id,region&filter=region:eq:West`,
      { headers: raw(frank) },
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("order_id,region");
    expect(lines).toHaveLength(1 + 1250);
    const parquet = await request.get(`/api/v1/data/${aliceUser.username}/sales/orders-2026?format=parquet`, {
      headers: raw(frank),
    });
    expect(parquet.status()).toBe(200);
    const bytes = await parquet.body();
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    const jsonl = await request.get(
      `/api/v1/data/${aliceUser.username}/sales/orders-2026?format=jsonl&filter=region:eq:North&columns=order_id`,
      { headers: raw(frank) },
    );
    const records = (await jsonl.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { order_id: number });
    expect(records).toHaveLength(1250);
    expect(Object.keys(records[0]!)).toEqual(["order_id"]);

    // a namespace share covers every dataset, including ones added later
    await request.post(`/api/v1/permissions/namespaces/${aliceUser.username}/sales/shares`, {
      headers: auth(alice),
      data: { username: frankName, role: "viewer" },
    });
    expect((await datasetNames(request, frank)).names).toEqual(all.names);
    await request.delete(`/api/v1/permissions/namespaces/${aliceUser.username}/sales/shares`, {
      headers: auth(alice),
      data: { username: frankName, role: "viewer" },
    });
    await request.delete(orders, { headers: auth(alice), data: { username: frankName } });
    expect((await datasetNames(request, frank)).status).toBe(404); // revocation holds on the very next request
  });

  test("ingest: JSON records into the caller's own namespace only", async ({ request }) => {
    const path = `/api/v1/ingest/personal/readings`;
    const created = await request.post(path, {
      headers: auth(erin),
      data: [
        { sensor: "a", value: 1 },
        { sensor: "b", value: 2 },
      ],
    });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({
      created: true,
      version: 1,
      rowsAdded: 2,
      rowCount: 2,
      dataset: `${erinName}/personal/readings`,
    });
    const appended = await request.post(path, { headers: auth(erin), data: { data: [{ value: 3, sensor: "c" }] } });
    expect(appended.status()).toBe(200);
    expect(await appended.json()).toMatchObject({ created: false, version: 2, rowsAdded: 1, rowCount: 3 });
    const rows = await (
      await request.get(`/api/v1/data/${erinName}/personal/readings?sort=value`, { headers: raw(erin) })
    ).json();
    expect(rows.data.map((r: { sensor: string }) => r.sensor)).toEqual(["a", "b", "c"]);

    const mismatch = await request.post(path, { headers: auth(erin), data: [{ sensor: "d", reading: 4 }] });
    expect(mismatch.status()).toBe(422);
    const error = (await mismatch.json()).error as string;
    expect(error).toContain('"value"');
    expect(error).toContain('"reading"');
    expect((await request.post(path, { headers: auth(erin), data: [] })).status()).toBe(422);
    expect((await request.post(path, { headers: auth(erin), data: { rows: 1 } })).status()).toBe(422);
    expect((await request.post(path, { headers: auth(erin), data: Buffer.from("[{") })).status()).toBe(400);
    expect(
      (await request.post("/api/v1/ingest/personal/Bad Name!", { headers: auth(erin), data: [{ a: 1 }] })).status(),
    ).toBe(422);
    // "sales" is not erin's namespace (it is alice's): the plain ingest never writes into others' data
    expect(
      (await request.post("/api/v1/ingest/sales/orders-2026", { headers: auth(erin), data: [{ a: 1 }] })).status(),
    ).toBe(404);
    expect((await request.post(path, { data: [{ a: 1 }] })).status()).toBe(401);
  });

  test("multipart upload: an editor writes into someone else's dataset; a viewer gets 403, a stranger 404", async ({
    request,
  }) => {
    const name = `targets-${Date.now().toString(36)}`;
    const seeded = await request.post(`/api/v1/ingest/sales/${name}`, {
      headers: auth(alice),
      data: ["North", "South", "East", "West"].map((region, i) => ({
        quarter: "2026-Q1",
        region,
        target_eur: 100_000 + i,
      })),
    });
    expect(seeded.status()).toBe(201);
    const base = `/api/v1/upload/multipart/${aliceUser.username}/sales/${name}`;
    const targets = `/api/v1/permissions/datasets/${aliceUser.username}/sales/${name}/shares`;
    expect((await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "csv" } })).status()).toBe(
      404,
    );
    await request.post(targets, { headers: auth(alice), data: { username: frankName, role: "viewer" } });
    const viewer = await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "csv" } });
    expect(viewer.status()).toBe(403);
    await request.post(targets, { headers: auth(alice), data: { username: frankName, role: "editor" } });
    expect((await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "xlsx" } })).status()).toBe(
      422,
    );

    const started = await request.post(`${base}/initiate`, {
      headers: auth(frank),
      data: { format: "tsv", mode: "append" },
    });
    expect(started.status()).toBe(201);
    const { uploadId, partUrl } = await started.json();
    expect(partUrl).toBe(`${base}/${uploadId}/parts/{partNumber}`);
    const part = (n: number, text: string, token = frank) =>
      request.post(`${base}/${uploadId}/parts/${n}`, {
        headers: { ...raw(token), "Content-Type": "application/octet-stream" },
        data: Buffer.from(text),
      });
    expect((await part(1, "quarter\tregion\ttarget_eur\n2027-Q1\tNorth\t1")).status()).toBe(200);
    expect((await part(3, "\t2\n")).status()).toBe(200);
    expect((await request.post(`${base}/${uploadId}/complete`, { headers: raw(frank) })).status()).toBe(422); // part 2 missing
    const again = await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "tsv" } });
    const id2 = (await again.json()).uploadId as string;
    const p = (n: number, text: string) =>
      request.post(`${base}/${id2}/parts/${n}`, {
        headers: { ...raw(frank), "Content-Type": "application/octet-stream" },
        data: Buffer.from(text),
      });
    const header = "quarter\tregion\ttarget_eur\n2027-Q1\tNorth\t1";
    expect(await (await p(1, header)).json()).toMatchObject({ partNumber: 1, size: Buffer.byteLength(header) });
    await p(2, "00000\n2027-Q1\tSouth\t200000\n");
    expect(await (await request.get(`${base}/${id2}`, { headers: raw(frank) })).json()).toMatchObject({
      parts: [{ partNumber: 1 }, { partNumber: 2 }],
    });
    expect((await p(0, "x")).status()).toBe(422);
    expect(
      (
        await request.post(`${base}/${id2}/parts/3`, {
          headers: { ...raw(alice), "Content-Type": "application/octet-stream" },
          data: Buffer.from("x"),
        })
      ).status(),
    ).toBe(404); // not alice's upload
    const done = await request.post(`${base}/${id2}/complete`, { headers: raw(frank) });
    expect(done.status()).toBe(200);
    expect(await done.json()).toMatchObject({ version: 2, rowsAdded: 2, rowCount: 6 });
    const north = await (
      await request.get(`/api/v1/data/${aliceUser.username}/sales/${name}?filter=quarter:eq:2027-Q1&sort=region`, {
        headers: raw(alice),
      })
    ).json();
    expect(north.data.map((r: { region: string; target_eur: string }) => [r.region, Number(r.target_eur)])).toEqual([
      ["North", 100000],
      ["South", 200000],
    ]);
    // a retried complete (the answer was lost) gets the same answer and writes nothing twice; a late part is refused
    const retried = await request.post(`${base}/${id2}/complete`, { headers: raw(frank) });
    expect(retried.status()).toBe(200);
    expect(await retried.json()).toMatchObject({ version: 2, rowsAdded: 2, rowCount: 6 });
    expect((await p(3, "2027-Q1\tWest\t1\n")).status()).toBe(409);

    // two "complete" requests at once (a retry, a double click): one writes the rows, the other gets the same
    // answer or 409 "being completed, ask again"
    const twice = await (
      await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "tsv" } })
    ).json();
    await request.post(`${base}/${twice.uploadId}/parts/1`, {
      headers: { ...raw(frank), "Content-Type": "application/octet-stream" },
      data: Buffer.from("quarter\tregion\ttarget_eur\n2027-Q2\tEast\t300000\n"),
    });
    const both = await Promise.all(
      [1, 2].map(() => request.post(`${base}/${twice.uploadId}/complete`, { headers: raw(frank) })),
    );
    expect(both.map((r) => r.status())).toContain(200);
    for (const r of both) expect([200, 409]).toContain(r.status());
    const q2 = await (
      await request.get(`/api/v1/data/${aliceUser.username}/sales/${name}?filter=quarter:eq:2027-Q2`, {
        headers: raw(alice),
      })
    ).json();
    expect(q2.data).toHaveLength(1);

    // a schema mismatch is refused naming the columns; abort discards an upload
    const bad = await (
      await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "csv" } })
    ).json();
    await request.post(`${base}/${bad.uploadId}/parts/1`, {
      headers: { ...raw(frank), "Content-Type": "text/csv" },
      data: Buffer.from("quarter,area\nQ1,North\n"),
    });
    const refused = await request.post(`${base}/${bad.uploadId}/complete`, { headers: raw(frank) });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error).toContain('"area"');
    const dropped = await (
      await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "csv" } })
    ).json();
    expect((await request.post(`${base}/${dropped.uploadId}/abort`, { headers: raw(frank) })).status()).toBe(200);
    expect(
      (
        await request.post(`${base}/${dropped.uploadId}/parts/1`, { headers: raw(frank), data: Buffer.from("a") })
      ).status(),
    ).toBe(404);
    const deleted = await (
      await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "csv" } })
    ).json();
    expect((await request.delete(`${base}/${deleted.uploadId}`, { headers: raw(frank) })).status()).toBe(200);

    // the uploader's role is checked on every request: a revoked editor is stopped mid-upload
    const late = await (
      await request.post(`${base}/initiate`, { headers: auth(frank), data: { format: "csv" } })
    ).json();
    await request.delete(targets, { headers: auth(alice), data: { username: frankName } });
    expect(
      (
        await request.post(`${base}/${late.uploadId}/parts/1`, { headers: raw(frank), data: Buffer.from("a") })
      ).status(),
    ).toBe(404);
  });

  test("sharedBy query: who shared each dataset with the caller, and when", async ({ request }) => {
    await request.post(orders, { headers: auth(alice), data: { username: erinName, role: "viewer" } });
    const workspaces = await (await request.get("/api/v1/workspaces", { headers: raw(erin) })).json();
    const personal = workspaces.find((w: { slug: string }) => w.slug === "personal");
    const sales = (await (await request.get("/api/v1/workspaces", { headers: raw(alice) })).json()).find(
      (w: { slug: string }) => w.slug === "sales",
    );
    const list = await (await request.get(`/api/v1/data/${aliceUser.username}/sales`, { headers: raw(erin) })).json();
    const ordersId = list.datasets[0].id as string;
    const res = await request.post(`/api/v1/workspaces/${personal.id}/shares/sharedBy/query`, {
      headers: auth(erin),
      data: { datasetIds: [ordersId, "unknown-id"] },
    });
    expect(res.status()).toBe(200);
    const items = await res.json();
    expect(items).toEqual([
      {
        datasetId: ordersId,
        sharedBy: { id: expect.any(String), type: "User", name: aliceUser.username },
        sharedOn: expect.any(String),
        role: "viewer",
        sharedWith: { id: expect.any(String), type: "User", name: erinName },
        scope: "dataset",
      },
    ]);
    expect(Date.parse(items[0].sharedOn)).toBeGreaterThan(Date.now() - 120_000);
    expect(
      (
        await request.post(`/api/v1/workspaces/${sales.id}/shares/sharedBy/query`, {
          headers: auth(erin),
          data: { datasetIds: [ordersId] },
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await request.post(`/api/v1/workspaces/${personal.id}/shares/sharedBy/query`, {
          headers: auth(erin),
          data: { datasetIds: [] },
        })
      ).status(),
    ).toBe(422);

    // Veracity list filters over the same grants (resource type, grantee type, creator, status; paginated)
    const filtered = await (
      await request.get(
        `/api/v1/workspaces/${sales.id}/shares?resourceType=dataset&granteeType=user&creator=${aliceUser.username}&status=active&pageSize=1`,
        { headers: raw(alice) },
      )
    ).json();
    expect(filtered).toMatchObject({
      page: 1,
      pageSize: 1,
      total: 1,
      items: [
        {
          resourceType: "dataset",
          resourceId: ordersId,
          grantee: erinName,
          createdBy: aliceUser.username,
          status: "active",
        },
      ],
    });
    expect(
      (
        await (
          await request.get(`/api/v1/workspaces/${sales.id}/shares?granteeType=email&status=active`, {
            headers: raw(alice),
          })
        ).json()
      ).total,
    ).toBe(0);
    expect(
      (await request.get(`/api/v1/workspaces/${sales.id}/shares?status=gone`, { headers: raw(alice) })).status(),
    ).toBe(422);
    await request.delete(orders, { headers: auth(alice), data: { username: erinName } });
  });
});
