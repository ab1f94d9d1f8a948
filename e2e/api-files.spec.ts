import { expect, test } from "@playwright/test";
import { createUserWithToken } from "./cli-helpers";
import { demoWorld } from "./world";

const { alice: aliceUser } = demoWorld("apifiles");

const raw = (token: string) => ({ Authorization: `Bearer ${token}` });
const b64 = (text: string) => Buffer.from(text).toString("base64");

test.describe("REST API: files (list, tus upload with a bearer token, Range download)", () => {
  let alice: string;
  let gina: string;
  let personalId: string;

  test.beforeAll(async ({ request }) => {
    test.setTimeout(120_000); // new users through the CLI: seconds each, longer on a busy machine
    alice = aliceUser.token;
    gina = await createUserWithToken(`gina${Date.now().toString(36)}`);
    const workspaces = await (await request.get("/api/v1/workspaces", { headers: raw(alice) })).json();
    personalId = workspaces.find((w: { slug: string }) => w.slug === "personal").id;
  });

  test("list, upload through tus, download with Range; strangers get 404", async ({ request }) => {
    const top = await request.get(`/api/v1/workspaces/${personalId}/files?sort=name`, { headers: raw(alice) });
    expect(top.status()).toBe(200);
    const listing = await top.json();
    expect(listing).toMatchObject({
      folderId: expect.any(String),
      total: expect.any(Number),
      entries: expect.any(Array),
    });
    const folder = listing.entries.find((e: { kind: string }) => e.kind === "folder");
    expect(folder).toBeTruthy();
    const inside = await request.get(`/api/v1/files/folders/${folder.id}?limit=2`, { headers: raw(alice) });
    expect(inside.status()).toBe(200);
    expect((await inside.json()).entries.length).toBeLessThanOrEqual(2);
    expect((await request.get(`/api/v1/files/folders/${folder.id}?limit=0`, { headers: raw(alice) })).status()).toBe(
      422,
    );
    expect((await request.get(`/api/v1/workspaces/${personalId}/files`, { headers: raw(gina) })).status()).toBe(404);
    expect((await request.get(`/api/v1/files/folders/${folder.id}`, { headers: raw(gina) })).status()).toBe(404);
    expect((await request.get(`/api/v1/workspaces/${personalId}/files`)).status()).toBe(401);

    // upload: the one tus endpoint, authenticated with the same bearer token
    const content = "hello from the API, 0123456789";
    const name = `api-${Date.now()}.txt`;
    // into a folder, not the top: the file browser's own spec expects alice's top folder as seeded
    const metadata = `kind ${b64("file")},folderId ${b64(folder.id)},name ${b64(name)}`;
    const tus = { "Tus-Resumable": "1.0.0" };
    expect(
      (
        await request.post("/api/uploads", {
          headers: { ...tus, ...raw("dsk_bad"), "Upload-Length": String(content.length), "Upload-Metadata": metadata },
        })
      ).status(),
    ).toBe(401);
    expect(
      (
        await request.post("/api/uploads", {
          headers: { ...tus, ...raw(gina), "Upload-Length": String(content.length), "Upload-Metadata": metadata },
        })
      ).status(),
    ).toBe(404);
    const created = await request.post("/api/uploads", {
      headers: { ...tus, ...raw(alice), "Upload-Length": String(content.length), "Upload-Metadata": metadata },
    });
    expect(created.status()).toBe(201);
    const location = created.headers()["location"]!;
    expect(location).toMatch(/\/api\/uploads\/[a-f0-9]+$/);
    expect(
      (
        await request.patch(location, {
          headers: { ...tus, ...raw(gina), "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
          data: Buffer.from(content),
        })
      ).status(),
    ).toBe(404);
    const patched = await request.patch(location, {
      headers: { ...tus, ...raw(alice), "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      data: Buffer.from(content),
    });
    expect(patched.status()).toBeLessThan(300);

    const after = await (
      await request.get(`/api/v1/files/folders/${folder.id}?limit=1000`, { headers: raw(alice) })
    ).json();
    const file = after.entries.find((e: { name: string }) => e.name === name);
    expect(file).toMatchObject({ kind: "file", size: content.length });

    const whole = await request.get(`/api/v1/files/${file.id}/content`, { headers: raw(alice) });
    expect(whole.status()).toBe(200);
    expect(await whole.text()).toBe(content);
    const part = await request.get(`/api/v1/files/${file.id}/content`, {
      headers: { ...raw(alice), Range: "bytes=6-9" },
    });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toBe(`bytes 6-9/${content.length}`);
    expect(await part.text()).toBe("from");
    expect(
      (
        await request.get(`/api/v1/files/${file.id}/content`, { headers: { ...raw(alice), Range: "bytes=999-" } })
      ).status(),
    ).toBe(416);
    const etag = whole.headers()["etag"]!;
    expect(
      (
        await request.get(`/api/v1/files/${file.id}/content`, { headers: { ...raw(alice), "If-None-Match": etag } })
      ).status(),
    ).toBe(304);
    const head = await request.head(`/api/v1/files/${file.id}/content`, { headers: raw(alice) });
    expect(head.status()).toBe(200);
    expect(head.headers()["etag"]).toBe(etag);
    // The size a download manager asks for before it downloads (Next drops a route's own Content-Length).
    expect(head.headers()["content-length"]).toBe(String(Buffer.byteLength(content)));
    expect(await head.text()).toBe("");
    expect((await request.get(`/api/v1/files/${file.id}/content`, { headers: raw(gina) })).status()).toBe(404);
    expect((await request.get("/api/v1/files/nope/content", { headers: raw(alice) })).status()).toBe(404);
  });
});
