// The product's services on S3 storage (s3rver on 127.0.0.1), with tus requests spread over two
// tus servers that share only the staging directory and the database, as two app instances do.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access";
import { closeDatasetDbs } from "@/lib/catalog/duckdb/dataset-db";
import { deleteDataset } from "@/lib/catalog/delete-dataset";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { queryDataset } from "@/lib/catalog/query";
import { deleteForever } from "@/lib/files/delete-forever";
import { openFileDownload } from "@/lib/files/open-download";
import { serveFile } from "@/lib/files/serve-file";
import { createCast, putFile } from "@/lib/files/test-support";
import { trashEntries } from "@/lib/files/trash-entries";
import { zipFolder } from "@/lib/files/zip-folder";
import { setBlobStore } from "@/lib/storage";
import { tusCreate, tusHead, tusLocation, tusPatch } from "@/lib/uploads/tus-requests";
import { createTusServer, handleTusRequest, type TusServer } from "@/lib/uploads/tus-server";
import { setupTestDatabase } from "@/test/db";
import { s3ConfigFromEnv } from "./s3-config";
import { S3BlobStore } from "./s3-store";
import { startTestS3, type TestS3 } from "./s3-test-server";

setupTestDatabase();

let s3: TestS3;
let dir: string;
let store: S3BlobStore;
let instances: [TusServer, TusServer];

beforeAll(async () => {
  s3 = await startTestS3();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-s3-services-"));
  process.env.DATA_DIR = path.join(dir, "data");
  process.env.UPLOAD_DIR = path.join(dir, "shared-uploads");
  store = new S3BlobStore(s3ConfigFromEnv(s3.env.STORAGE_URL!, process.env.DATA_DIR, s3.env));
  setBlobStore(store);
  instances = [createTusServer(), createTusServer()];
});
afterAll(async () => {
  await closeDatasetDbs();
  setBlobStore(undefined);
  delete process.env.UPLOAD_DIR;
  await s3?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ORIGIN = "http://app.local";

/** A tus upload as tus-js-client sends it, its requests alternating between the two instances. */
async function tusUpload(
  actor: Actor,
  metadata: Record<string, string>,
  content: Buffer,
  chunk = 4 * 1024 ** 2,
): Promise<Record<string, unknown>> {
  let turn = 0;
  const next = () => instances[turn++ % 2]!;
  const created = await handleTusRequest(actor, tusCreate(ORIGIN, content.length, metadata), next());
  expect(created.status, await created.clone().text()).toBe(201);
  const location = tusLocation(ORIGIN, created);
  const head = await handleTusRequest(actor, tusHead(location), next());
  expect(head.headers.get("upload-offset")).toBe("0");
  let body = "";
  for (let offset = 0; offset < content.length; offset += chunk) {
    const part = content.subarray(offset, offset + chunk);
    const response = await handleTusRequest(actor, tusPatch(location, offset, new Uint8Array(part)), next());
    expect([200, 204], await response.clone().text()).toContain(response.status);
    body = await response.text();
  }
  return JSON.parse(body) as Record<string, unknown>;
}

/** The entries of a ZIP archive (name → content), read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra;
  }
  return entries;
}

function patterned(size: number): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
  return data;
}

describe("files and datasets on S3 storage, uploads spread over two instances", () => {
  it("upload → Range download → folder ZIP → delete", async () => {
    const { owner, viewer, workspace, rootId } = await createCast();
    const content = patterned(9 * 1024 ** 2 + 17); // more than one 8 MiB part: a multipart upload to S3
    const uploaded = await tusUpload(owner, { kind: "file", folderId: rootId, name: "big.bin" }, content);
    expect(uploaded).toMatchObject({ status: "created", id: expect.any(String) });
    const fileId = uploaded.id as string;
    expect(fs.readdirSync(process.env.UPLOAD_DIR!)).toEqual([]); // staging cleaned up

    const { file } = await openFileDownload(viewer, fileId);
    expect(file.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    expect(await store.stat(file.blobKey)).toMatchObject({ size: content.length });
    const ranged = await serveFile(new Request(`${ORIGIN}/f`, { headers: { Range: "bytes=8388600-8388615" } }), file);
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 8388600-8388615/${content.length}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(content.subarray(8388600, 8388616));
    const first = await serveFile(new Request(`${ORIGIN}/f`, { headers: { Range: "bytes=0-0" } }), file);
    expect(Buffer.from(await first.arrayBuffer())).toEqual(content.subarray(0, 1));
    const whole = await serveFile(new Request(`${ORIGIN}/f`), file);
    expect(
      createHash("sha256")
        .update(Buffer.from(await whole.arrayBuffer()))
        .digest("hex"),
    ).toBe(file.sha256);

    await putFile(owner, rootId, "docs/notes.txt", "remember the milk");
    const zip = await zipFolder(viewer, rootId);
    const entries = unzip(await buffer(zip.stream));
    expect(entries.get(`${workspace.slug}/big.bin`)?.equals(content)).toBe(true);
    expect(entries.get(`${workspace.slug}/docs/notes.txt`)?.toString()).toBe("remember the milk");

    await trashEntries(owner, { ids: [fileId] });
    await deleteForever(owner, { ids: [fileId] });
    expect(await store.stat(file.blobKey)).toBeNull();
  });

  it("dataset upload → ingest (Parquet in S3) → query, also from an empty local cache → delete", async () => {
    const { owner, viewer, workspace } = await createCast();
    const csv = Buffer.from(
      "id,city,score\n" +
        Array.from({ length: 5000 }, (_, i) => `${i},city${i % 7},${(i % 100) / 4}`).join("\n") +
        "\n",
    );
    const prepared = await tusUpload(
      owner,
      { kind: "dataset", workspaceId: workspace.id, mode: "create", filename: "cities.csv" },
      csv,
      32 * 1024,
    );
    expect(prepared).toMatchObject({ rows: 5000, columns: 3 });
    const committed = await commitIngest(owner, prepared.ingestId as string, {
      name: "Cities",
      slug: "cities",
      tags: [],
    });

    const query = { sort: [{ column: "id", direction: "desc" }], limit: 2 };
    const expected = [
      ["4999", "city1", 24.75],
      ["4998", "city0", 24.5],
    ];
    expect((await queryDataset(viewer, committed.datasetId, query)).rows).toEqual(expected);

    // Another instance starts with no local copy: DuckDB reads from a copy fetched from S3.
    await closeDatasetDbs();
    const cacheDir = store.config.cacheDir;
    fs.rmSync(cacheDir, { recursive: true, force: true });
    expect((await queryDataset(viewer, committed.datasetId, query)).rows).toEqual(expected);
    const cached = fs.readdirSync(cacheDir).filter((f) => f.endsWith(".parquet"));
    expect(cached).toHaveLength(1);

    await deleteDataset(owner, committed.datasetId, "cities");
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith(".parquet"))).toEqual([]);
    const { ListObjectsV2Command, S3Client } = await import("@aws-sdk/client-s3");
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    const left = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `blobs/datasets/${committed.datasetId}/` }),
    );
    expect(left.KeyCount ?? 0).toBe(0);
  });

  it("a file streamed into the store (no staged file) is stored and read back", async () => {
    const { owner, rootId } = await createCast();
    const outcome = await putFile(owner, rootId, "stream.txt", Buffer.from("streamed"));
    const { file } = await openFileDownload(owner, (outcome as { id: string }).id);
    expect((await buffer(await store.get(file.blobKey))).toString()).toBe("streamed");
  });
});
