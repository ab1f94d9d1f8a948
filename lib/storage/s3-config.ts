import path from "node:path";

/** Everything the S3 backend needs, read from STORAGE_URL and the S3_* variables. */
export type S3Config = {
  bucket: string;
  /** key prefix without leading or trailing slash; "" for the bucket root */
  prefix: string;
  /** e.g. http://127.0.0.1:9000 for MinIO; unset for AWS itself */
  endpoint?: string;
  region: string;
  /** unset: the AWS SDK's default chain (AWS_* variables, instance or task role) */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket in the path (http://host/bucket/key) rather than the host name; most S3-compatible servers want this */
  forcePathStyle: boolean;
  /** where localPath() keeps downloaded copies, and how large that cache may grow */
  cacheDir: string;
  cacheMaxBytes: number;
};

type Env = Record<string, string | undefined>;

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return false;
  if (["1", "true", "yes"].includes(raw)) return true;
  if (["0", "false", "no"].includes(raw)) return false;
  throw new Error(`${name} must be true or false; got "${env[name]}".`);
}

function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}".`);
  return value;
}

/**
 * Parses `s3://bucket/prefix` plus S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
 * S3_FORCE_PATH_STYLE, S3_CACHE_DIR and S3_CACHE_MAX_BYTES. Errors name the variable at fault,
 * so a misconfigured instance says what to fix when it starts rather than on the first upload.
 */
export function s3ConfigFromEnv(url: string, dataDir: string, env: Env = process.env): S3Config {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
  if (!match || !match[1]) throw new Error(`STORAGE_URL must look like s3://bucket/prefix; got "${url}".`);
  const [, bucket, rawPrefix] = match as unknown as [string, string, string];
  const prefix = rawPrefix.replace(/^\/+|\/+$/g, "");

  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint))
    throw new Error(`S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000; got "${endpoint}".`);

  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if (accessKeyId && !secretAccessKey)
    throw new Error(
      "S3_SECRET_ACCESS_KEY is not set, but S3_ACCESS_KEY_ID is: set both, or neither to use the AWS default credentials.",
    );
  if (secretAccessKey && !accessKeyId)
    throw new Error(
      "S3_ACCESS_KEY_ID is not set, but S3_SECRET_ACCESS_KEY is: set both, or neither to use the AWS default credentials.",
    );

  const region = env.S3_REGION?.trim() || env.AWS_REGION?.trim() || (endpoint ? "us-east-1" : "");
  if (!region)
    throw new Error(
      "S3_REGION is not set: name the bucket's region (e.g. eu-west-1), or set S3_ENDPOINT for an S3-compatible server.",
    );

  return {
    bucket,
    prefix,
    endpoint,
    region,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: flag(env, "S3_FORCE_PATH_STYLE"),
    cacheDir: path.resolve(env.S3_CACHE_DIR?.trim() || path.join(dataDir, "cache", "blobs")),
    cacheMaxBytes: positiveNumber(env, "S3_CACHE_MAX_BYTES", 10 * 1024 ** 3),
  };
}
