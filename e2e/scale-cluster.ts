// Several production instances of the app on one fresh PostgreSQL database and one S3 bucket, as
// a scaled-out deployment runs them (shared secrets, a shared upload directory, nothing else
// shared). Used by e2e/multi-instance.spec.ts and bench/load.ts; needs a production build
// (`next build`, into NEXT_DIST_DIR when set) and a PostgreSQL server to create the database in.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { startTestS3, type TestS3 } from "../lib/storage/s3-test-server";

const run = promisify(execFile);

export type Cluster = {
  /** one base URL per instance, e.g. http://127.0.0.1:41234 */
  urls: string[];
  /** runs the CLI (npm run cli -- …) against the cluster's database and bucket; resolves to its stdout */
  cli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
};

export type ClusterOptions = {
  instances: number;
  /** a PostgreSQL server URL; a new database is created in it and dropped by stop() */
  serverUrl: string;
  /** more variables for every instance (e.g. a higher API rate limit for a load test) */
  env?: Record<string, string>;
  /** more variables for one instance each, in order (e.g. one instance with its direct routes off) */
  instanceEnv?: Record<string, string>[];
};

// Under the suite (E2E_PORT set), instances take the ports after the suite's own two (E2E_PORT + 2, + 3, …),
// so parallel runs on one machine keep to their own port ranges; elsewhere any free port.
let nextPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 2 : 0;

async function freePort(): Promise<number> {
  const wanted = nextPort ? nextPort++ : 0;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(wanted, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type Instance = { url: string; port: number; child: ChildProcess; output: string[] };

/** Starts scripts/e2e-server.mjs (migrate, seed if empty, next start) and waits until it serves pages. */
async function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env: { ...env, PORT: String(port), APP_URL: url, NEXTAUTH_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const instance = { url, port, child, output };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The instance on port ${port} exited with ${child.exitCode}:\n${output.join("").slice(-4000)}`);
    const ok = await fetch(`${url}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return instance;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error(`The instance on port ${port} did not answer within 180 s:\n${output.join("").slice(-4000)}`);
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null) {
    const exited = new Promise((resolve) => instance.child.once("exit", resolve));
    instance.child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  fs.rmSync(path.resolve(`.tmp/e2e-data-${instance.port}`), { recursive: true, force: true });
}

export async function startCluster({
  instances: count,
  serverUrl,
  env: extra = {},
  instanceEnv = [],
}: ClusterOptions): Promise<Cluster> {
  const tag = randomBytes(5).toString("hex");
  const dbName = `ds_scale_${tag}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${dbName}`));
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${dbName}`;
  const shared = path.resolve(`.tmp/scale-${tag}`);
  fs.mkdirSync(path.join(shared, "uploads"), { recursive: true });

  let s3: TestS3 | undefined;
  const started: Instance[] = [];
  const stop = async () => {
    await Promise.all(started.map(stopInstance));
    await s3?.close();
    await withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => {});
    fs.rmSync(shared, { recursive: true, force: true });
  };
  try {
    s3 = await startTestS3(`scale-${tag}`);
    // What every instance must share: the database, the bucket, the upload directory and the secrets.
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      E2E_DATABASE_URL: databaseUrl.toString(),
      ...s3.env,
      UPLOAD_DIR: path.join(shared, "uploads"),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      NEXT_TELEMETRY_DISABLED: "1",
      ...extra,
    };
    delete common.PORT;
    // One after the other: the first migrates and seeds, the others then find both done.
    for (let i = 0; i < count; i++) started.push(await startInstance({ ...common, ...instanceEnv[i] }));
    const cliEnv = { ...common, DATABASE_URL: databaseUrl.toString(), DATA_DIR: path.join(shared, "cli") };
    return {
      urls: started.map((i) => i.url),
      async cli(...args: string[]) {
        const { stdout } = await run(
          process.execPath,
          ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "cli/index.ts", ...args],
          { env: cliEnv },
        );
        return stdout.trim();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
