// tus PATCH and REST multipart part bodies through the real server (scripts/server.mjs hands the socket's
// stream to the upload code, lib/uploads/node-body.ts): megabytes in several requests arrive byte for
// byte, and a part whose connection drops mid-body is not stored; the
// download back goes through the server's hand-over of the file (scripts/node-file-handover.mjs). That a
// client's own hand-over header is ignored is proven in lib/uploads/node-body-handover.int.test.ts,
// which can plant a live key in the registry (a client of the real server cannot learn one, so a
// test from here would pass whether or not the server ignored the header).
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
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

/** Sends a PUT's head announcing `length` bytes and only `sent` of them, then drops the connection. */
async function cutOffPut(baseURL: string, path: string, token: string, length: number, sent: Buffer) {
  const url = new URL(baseURL);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  socket.on("error", () => {}); // the server may reset the connection it was reading from
  socket.write(
    `PUT ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: text/csv\r\nContent-Length: ${length}\r\n\r\n`,
  );
  await new Promise<void>((resolve) => socket.write(sent, () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 300)); // the server has started on the body
  socket.destroy();
}

test("a multipart part cut off mid-body is not stored; parts of megabytes arrive byte for byte", async ({
  request,
  baseURL,
}) => {
  const auth = { Authorization: `Bearer ${alice.token}` };
  const name = `parts-${Date.now().toString(36)}`;
  expect((await request.post(`/api/v1/ingest/personal/${name}`, { headers: auth, data: [{ n: 0 }] })).status()).toBe(
    201,
  );
  const base = `/api/v1/upload/multipart/${alice.username}/personal/${name}`;
  const started = await request.post(`${base}/initiate`, { headers: auth, data: { format: "csv", mode: "replace" } });
  expect(started.status()).toBe(201);
  const { uploadId } = (await started.json()) as { uploadId: string };
  const rows = 400_000;
  const csv = Buffer.from(`n\n${Array.from({ length: rows }, (_, i) => i + 1).join("\n")}\n`);
  const cut = 1024 * 1024 + 3; // inside a row

  await cutOffPut(baseURL!, `${base}/${uploadId}/parts/1`, alice.token, cut, csv.subarray(0, 600_000));
  await expect
    .poll(async () => (await (await request.get(`${base}/${uploadId}`, { headers: auth })).json()).parts)
    .toEqual([]);

  for (const [n, piece] of [
    [1, csv.subarray(0, cut)],
    [2, csv.subarray(cut)],
  ] as const) {
    const sent = await request.put(`${base}/${uploadId}/parts/${n}`, {
      headers: { ...auth, "Content-Type": "text/csv" },
      data: piece,
    });
    expect(sent.status()).toBe(200);
    expect(await sent.json()).toMatchObject({ partNumber: n, size: piece.length });
  }
  const done = await request.post(`${base}/${uploadId}/complete`, { headers: auth });
  expect(done.status()).toBe(200);
  expect(await done.json()).toMatchObject({ rowsAdded: rows, rowCount: rows });
  const last = await request.get(`/api/v1/data/${alice.username}/personal/${name}?limit=1&sort=-n`, { headers: auth });
  expect((await last.json()).data).toEqual([{ n: String(rows) }]); // BIGINT travels as a string
});
