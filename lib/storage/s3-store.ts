import fs from "node:fs";
import fsp from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { BlobCache } from "./blob-cache";
import type { BlobStat, BlobStore, ByteRange } from "./blob-store";
import type { S3Config } from "./s3-config";

/** Parts of a multipart upload; at most queueSize of them are in memory at once (8 MiB × 4 = 32 MiB per upload). */
const PART_SIZE = 8 * 1024 ** 2;
const QUEUE_SIZE = 4;

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

function notFound(key: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`Blob not found: ${key}`), { code: "ENOENT" });
}

/** The first `n` bytes of `source`; leaving the loop early closes the source (and its connection). */
function takeBytes(source: Readable, n: number): Readable {
  async function* take() {
    let left = n;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
      left -= part.length;
      yield part;
      if (left <= 0) break;
    }
  }
  return Readable.from(take(), { objectMode: false });
}

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where S3 requires them: the newer default (CRC trailers on every upload)
    // is not understood by many S3-compatible servers, and TLS plus Content-Length already
    // catch corruption in transit.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * Blobs as objects in an S3-compatible bucket under a key prefix. Writes stream through a
 * multipart upload (an object appears only when complete), reads stream ranged GETs; nothing
 * holds a whole object in memory. localPath() serves a local copy from a bounded cache (see
 * BlobCache) because DuckDB reads Parquet from disk.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = "s3" as const;
  private readonly cache: BlobCache;

  constructor(
    readonly config: S3Config,
    private readonly client: S3Client = createS3Client(config),
  ) {
    this.cache = new BlobCache(config.cacheDir, config.cacheMaxBytes);
  }

  private objectKey(key: string): string {
    if (!key || key.startsWith("/") || key.split("/").some((s) => s === "" || s === "." || s === ".."))
      throw new Error(`Invalid blob key: ${key}`);
    return this.config.prefix ? `${this.config.prefix}/${key}` : key;
  }

  async put(key: string, body: Readable): Promise<BlobStat> {
    let size = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    body.on("error", (error) => counting.destroy(error));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: this.objectKey(key), Body: body.pipe(counting) },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      body.destroy(); // stop reading the source (a request body, a file) that will never be stored
      throw error;
    }
    return { size, modifiedAt: new Date() };
  }

  async putFile(key: string, localPath: string, { move = true }: { move?: boolean } = {}): Promise<BlobStat> {
    const stat = await this.put(key, fs.createReadStream(localPath));
    // A new Parquet file is queried right after it is stored (the ingest review): keep it as the
    // cached copy when that is a rename away. Other blobs are streamed, never read through
    // localPath, so caching them would only evict Parquet copies.
    const adopted = move && key.endsWith(".parquet") && (await this.cache.adopt(key, localPath).catch(() => false));
    if (move && !adopted) await fsp.rm(localPath, { force: true });
    return stat;
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.config.bucket,
          Key: this.objectKey(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      if (!range) return response.Body;
      const wanted = range.end - range.start + 1;
      const served = /^bytes (\d+)-/.exec(response.ContentRange ?? "");
      if (!served || Number(served[1]) !== range.start) {
        response.Body.destroy();
        throw new Error(
          `S3 ignored the range ${range.start}-${range.end} of ${key} (Content-Range: ${response.ContentRange ?? "none"})`,
        );
      }
      // Some S3-compatible servers (s3rver for "bytes=0-0") send more than asked for: cut it off.
      return response.ContentLength !== undefined && response.ContentLength > wanted
        ? takeBytes(response.Body, wanted)
        : response.Body;
    } catch (error) {
      if (isNotFound(error)) throw notFound(key);
      throw error;
    }
  }

  async stat(key: string): Promise<BlobStat | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }),
      );
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.cache.remove(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<{ key: string; modifiedAt: Date }> {
    const prefix = this.config.prefix ? `${this.config.prefix}/` : "";
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix || undefined, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? [])
        if (object.Key) yield { key: object.Key.slice(prefix.length), modifiedAt: object.LastModified ?? new Date(0) };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** An object appears only when its multipart upload completes; S3 expires abandoned parts itself (a bucket lifecycle rule). */
  async removeStaleTemporary(): Promise<number> {
    return 0;
  }

  localPathOf(key: string): string {
    this.objectKey(key); // validates it
    return this.cache.pathFor(key);
  }

  /** A cached local copy (downloaded once, then reused until evicted; objects never change under a key). */
  async localPath(key: string): Promise<string> {
    return this.cache.get(key, async (tempPath) => {
      const response = await this.client
        .send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }))
        .catch((error: unknown) => {
          throw isNotFound(error) ? notFound(key) : error;
        });
      if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      await pipeline(response.Body, fs.createWriteStream(tempPath, { flags: "wx" }));
      // A connection cut short can end the stream without an error: never cache a truncated copy.
      const written = (await fsp.stat(tempPath)).size;
      if (response.ContentLength !== undefined && written !== response.ContentLength) {
        throw new Error(`Download of ${key} was cut short (${written} of ${response.ContentLength} bytes)`);
      }
    });
  }
}
