// tus PATCH bodies through the real server (scripts/server.mjs hands the socket's stream to the
// upload code, lib/uploads/node-body.ts): megabytes in several PATCHes arrive byte for byte, and a
// client that sends the hand-over header itself gets nothing from it.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoWorld } from "./world";

const { alice } = demoWorld("tussock");
const b64 = (v: string) => Buffer.from(v).toString("base64");
const tus = { "Tus-Resumable": "1.0.0" };

test("a tus upload in large PATCHes is stored byte for byte; a client's own hand-over header is ignored", async ({
  request,
}) => {
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
  const patch = (offset: number, body: Buffer, extra: Record<string, string> = {}) =>
    request.patch(location, {
      headers: {
        ...tus,
        ...auth,
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
        ...extra,
      },
      data: body,
    });

  const half = 3 * 1024 * 1024 + 7;
  // A key the server never handed out: the request's own body is what counts.
  const first = await patch(0, bytes.subarray(0, half), { "x-datashelf-node-body": randomBytes(16).toString("hex") });
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
});
