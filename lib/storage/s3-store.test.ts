import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer, text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlobStore } from "./index";
import { s3ConfigFromEnv } from "./s3-config";
import { S3BlobStore } from "./s3-store";
import { startTestS3, type TestS3 } from "./s3-test-server";

let s3: TestS3;
let dataDir: string;
let store: S3BlobStore;

beforeAll(async () => {
  s3 = await startTestS3();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-s3-store-"));
  store = new S3BlobStore(s3ConfigFromEnv(s3.env.STORAGE_URL!, dataDir, s3.env));
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** `size` bytes of a repeating pattern, produced in 64 KiB chunks (never one buffer). */
function patterned(size: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const n = Math.min(65_536, size - sent);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) chunk[i] = (sent + i) % 251;
      sent += n;
      this.push(chunk);
    },
  });
}
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
function stageFile(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(dataDir, "stage-")), name);
  fs.writeFileSync(file, content);
  return file;
}

describe("S3BlobStore against s3rver", () => {
  it("is what STORAGE_URL=s3://… selects", () => {
    const selected = createBlobStore(s3.env.STORAGE_URL, s3.env);
    expect(selected.kind).toBe("s3");
    expect((selected as S3BlobStore).config).toMatchObject({
      bucket: s3.bucket,
      prefix: "blobs",
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
  });

  it("puts a stream, stats, reads whole and by inclusive range, deletes", async () => {
    const stat = await store.put("files/w1/a", Readable.from([Buffer.from("hello "), Buffer.from("world")]));
    expect(stat.size).toBe(11);
    expect(await store.stat("files/w1/a")).toMatchObject({ size: 11, modifiedAt: expect.any(Date) });
    expect(await text(await store.get("files/w1/a"))).toBe("hello world");
    expect(await text(await store.get("files/w1/a", { start: 6, end: 10 }))).toBe("world");
    expect(await text(await store.get("files/w1/a", { start: 0, end: 0 }))).toBe("h");
    await store.delete("files/w1/a");
    expect(await store.stat("files/w1/a")).toBeNull();
    await expect(store.get("files/w1/a")).rejects.toMatchObject({ code: "ENOENT" });
    await store.delete("files/w1/a"); // deleting what is gone is not an error
  });

  it("stores an empty blob", async () => {
    expect(await store.put("files/w1/empty", Readable.from([]))).toMatchObject({ size: 0 });
    expect(await store.stat("files/w1/empty")).toMatchObject({ size: 0 });
  });

  it("streams a blob larger than one part as a multipart upload, byte for byte", async () => {
    const size = 19 * 1024 ** 2 + 123; // three 8 MiB parts
    const expected = await buffer(patterned(size));
    const stat = await store.put("files/w1/big", patterned(size));
    expect(stat.size).toBe(size);
    expect((await store.stat("files/w1/big"))?.size).toBe(size);
    expect(sha256(await buffer(await store.get("files/w1/big")))).toBe(sha256(expected));
    const start = 8 * 1024 ** 2 - 10; // across a part boundary
    expect(await buffer(await store.get("files/w1/big", { start, end: start + 19 }))).toEqual(
      expected.subarray(start, start + 20),
    );
  });

  it("putFile moves a local file in (or copies it with move: false)", async () => {
    const kept = stageFile("kept.txt", "kept");
    await store.putFile("files/w1/kept", kept, { move: false });
    expect(fs.existsSync(kept)).toBe(true);
    const moved = stageFile("moved.txt", "moved");
    expect(await store.putFile("files/w1/moved", moved)).toMatchObject({ size: 5 });
    expect(fs.existsSync(moved)).toBe(false);
    expect(await text(await store.get("files/w1/moved"))).toBe("moved");
    // Only Parquet is taken into the local cache; other blobs are streamed, never read from disk.
    expect(fs.existsSync(path.join(dataDir, "cache", "blobs"))).toBe(false);
  });

  it("localPath downloads once into the cache under DATA_DIR and reuses the copy; delete removes it", async () => {
    await store.put("datasets/d1/v1.parquet", Readable.from([Buffer.from("PAR1 not really")]));
    const [a, b] = await Promise.all([
      store.localPath("datasets/d1/v1.parquet"),
      store.localPath("datasets/d1/v1.parquet"),
    ]);
    expect(a).toBe(b);
    expect(a.startsWith(path.join(dataDir, "cache", "blobs") + path.sep)).toBe(true);
    expect(store.localPathOf("datasets/d1/v1.parquet")).toBe(a); // the same path, without a download
    expect(a.endsWith(".parquet")).toBe(true);
    expect(fs.readFileSync(a, "utf8")).toBe("PAR1 not really");
    // Objects never change under a key, so the copy is used as it is (no second download).
    fs.writeFileSync(a, "local copy");
    expect(fs.readFileSync(await store.localPath("datasets/d1/v1.parquet"), "utf8")).toBe("local copy");
    await store.delete("datasets/d1/v1.parquet");
    expect(fs.existsSync(a)).toBe(false);
    await expect(store.localPath("datasets/d1/v1.parquet")).rejects.toMatchObject({ code: "ENOENT" });
    expect(fs.readdirSync(path.join(dataDir, "cache", "blobs", ".tmp"))).toEqual([]); // no half-downloaded copy left
  });

  it("putFile of a Parquet file keeps it as the cached copy", async () => {
    const file = stageFile("data.parquet", "parquet bytes");
    await store.putFile("datasets/d2/v1.parquet", file);
    expect(fs.existsSync(file)).toBe(false);
    const cached = store.config.cacheDir;
    expect(fs.readdirSync(cached).filter((f) => f.endsWith(".parquet"))).toHaveLength(1);
    expect(fs.readFileSync(await store.localPath("datasets/d2/v1.parquet"), "utf8")).toBe("parquet bytes");
  });

  it("evicts the least recently used copies beyond S3_CACHE_MAX_BYTES", async () => {
    const small = new S3BlobStore(
      s3ConfigFromEnv(s3.env.STORAGE_URL!, path.join(dataDir, "small"), { ...s3.env, S3_CACHE_MAX_BYTES: "2500" }),
    );
    for (const n of [1, 2, 3]) await small.put(`datasets/e/${n}.parquet`, Readable.from([Buffer.alloc(1000, n)]));
    const one = await small.localPath("datasets/e/1.parquet");
    const two = await small.localPath("datasets/e/2.parquet");
    fs.utimesSync(one, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    fs.utimesSync(two, new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    await small.localPath("datasets/e/2.parquet"); // used again: now the most recent of the two
    const three = await small.localPath("datasets/e/3.parquet");
    expect([fs.existsSync(one), fs.existsSync(two), fs.existsSync(three)]).toEqual([false, true, true]);
    expect(fs.readFileSync(await small.localPath("datasets/e/1.parquet"))).toEqual(Buffer.alloc(1000, 1)); // fetched again
  });

  it("a failed put rejects and stops reading its source", async () => {
    const nowhere = new S3BlobStore(s3ConfigFromEnv("s3://no-such-bucket/x", dataDir, s3.env));
    const source = patterned(1024 ** 2);
    await expect(nowhere.put("files/w1/a", source)).rejects.toThrow(/bucket/i);
    expect(source.destroyed).toBe(true);
  });

  it("refuses keys that could escape the prefix", async () => {
    for (const key of ["", "/abs", "a/../b", "a//b", "./a"])
      await expect(store.stat(key)).rejects.toThrow(/Invalid blob key/);
  });
});

describe("S3 configuration errors name the variable", () => {
  const base = { S3_ENDPOINT: "http://127.0.0.1:9000" };
  it.each([
    ["s3://", base, /STORAGE_URL must look like s3:\/\/bucket\/prefix/],
    ["s3://b/p", { ...base, S3_ACCESS_KEY_ID: "x" }, /S3_SECRET_ACCESS_KEY is not set/],
    ["s3://b/p", { ...base, S3_SECRET_ACCESS_KEY: "x" }, /S3_ACCESS_KEY_ID is not set/],
    ["s3://b/p", {}, /S3_REGION is not set/],
    ["s3://b/p", { ...base, S3_FORCE_PATH_STYLE: "maybe" }, /S3_FORCE_PATH_STYLE must be true or false/],
    ["s3://b/p", { S3_ENDPOINT: "127.0.0.1:9000" }, /S3_ENDPOINT must be an http\(s\) URL/],
    ["s3://b/p", { ...base, S3_CACHE_MAX_BYTES: "-1" }, /S3_CACHE_MAX_BYTES must be a positive number/],
  ])("%s with %o", (url, env, message) => {
    expect(() => s3ConfigFromEnv(url, "/data", env)).toThrow(message);
  });

  it("defaults: bucket root prefix, us-east-1 with an endpoint, AWS credentials chain when no keys", () => {
    expect(s3ConfigFromEnv("s3://bucket", "/data", base)).toMatchObject({
      bucket: "bucket",
      prefix: "",
      region: "us-east-1",
      credentials: undefined,
      forcePathStyle: false,
      cacheDir: "/data/cache/blobs",
    });
    expect(s3ConfigFromEnv("s3://bucket/a/b/", "/data", { S3_REGION: "eu-west-1" })).toMatchObject({
      prefix: "a/b",
      region: "eu-west-1",
      endpoint: undefined,
    });
  });
});
