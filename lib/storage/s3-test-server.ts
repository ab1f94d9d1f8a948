// A real S3-compatible server (s3rver) on 127.0.0.1 for tests and benchmarks (not a test file itself).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** the variables an app instance needs to use this server as its blob store */
  env: Record<string, string>;
  close(): Promise<void>;
};

/** s3rver's fixed development credentials. */
const CREDENTIALS = { S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" };

/** Starts s3rver on a free port with one empty bucket; its objects live in a temporary directory removed on close. */
export async function startTestS3(bucket = "datashelf-test", prefix = "blobs"): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      ...CREDENTIALS,
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
