// tus PATCH bodies through the real server (scripts/server.mjs hands the socket's stream to the
// upload code, lib/uploads/node-body.ts): megabytes in several PATCHes arrive byte for byte; the
// download back goes through the server's hand-over of the file (scripts/node-file-handover.mjs). That a
// client's own hand-over header is ignored is proven in lib/uploads/node-body-handover.int.test.ts,
// which can plant a live key in the registry (a client of the real server cannot learn one, so a
// test from here would pass whether or not the server ignored the header).
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoWorld } from "./world";

const { alice } = demoWorld("tussock");
const b64 = (v: string) => Buffer.from(v).toString("base64");
const tus = { "Tus-Resumable": "1.0.0" };

test("a tus upload in large PATCHes is stored byte for byte", async ({ request }) => {
  const auth = { Authorization: `Bearer ${alice.token}` };
  const workspaces = await (await request.get("/api/v1/workspaces", { headers: auth })).json();
  const personalId = workspaces.find((w: { slug: string }) => w.slug === "personal").id;
  const listing = await (await request.get(`/api/v1/workspaces/${personalId}/files`, { headers: auth })).json();
  const folder = listing.entries.find((e: { kind: string }) => e.kind === "folder");

  const bytes = randomBytes(5 * 1024 * 1024 + 321);
  const metadata = `kind ${b64("file")},folderId ${b64(folder.id)},name ${b64(`socket-${Date.now()}.bin`)}`;
  const created = await request.post("/api/uploads", {
    headers: { ...tus, ...auth, "Upload-Length": String(bytes.length), "Upload-Metadata": metadata },
  });
  expect(created.status()).toBe(201);
  const location = created.headers()["location"]!;
  const patch = (offset: number, body: Buffer) =>
    request.patch(location, {
      headers: {
        ...tus,
        ...auth,
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      data: body,
    });

  const half = 3 * 1024 * 1024 + 7;
  const first = await patch(0, bytes.subarray(0, half));
  expect(first.status()).toBe(204);
  expect(first.headers()["upload-offset"]).toBe(String(half));
  const done = await patch(half, bytes.subarray(half));
  expect(done.status()).toBe(200);
  const { id } = (await done.json()) as { id: string };

  const content = await request.get(`/api/v1/files/${id}/content`, { headers: auth });
  expect(content.status()).toBe(200);
  const stored = await content.body();
  expect(stored.length).toBe(bytes.length);
  expect(createHash("sha256").update(stored).digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
  // The download went the other way round (scripts/node-file-handover.mjs): the server sent the file
  // itself, with the route's Content-Length, where Next's own stream answer is chunked without one.
  expect(content.headers()["content-length"]).toBe(String(bytes.length));
  expect(content.headers()["x-frame-options"]).toBe("DENY");
  const part = await request.get(`/api/v1/files/${id}/content`, { headers: { ...auth, Range: "bytes=7-1048582" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 7-1048582/${bytes.length}`);
  expect(part.headers()["content-length"]).toBe("1048576");
  expect((await part.body()).equals(bytes.subarray(7, 1048583))).toBe(true);
});
