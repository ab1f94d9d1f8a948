// What the HTTP benchmarks (http-api, http-grid, http-pages, http-files, http-ingest) share: a private
// database and data folder (a user with a workspace and a bearer token; with a seeded dataset for
// the catalog benchmarks), the production server as `npm start` runs it (scripts/server.mjs on a
// build), nginx from Debian serving the build's static files or the blobs as the reference,
// autocannon runs, the app's CPU time and memory from /proc, and figures printed as medians with
// ranges, ratios and the load average.
//
// Ports come from BENCH_PORT_BASE (default 3210): each benchmark has its own offsets (see
// docs/performance.md); nginx takes the port after its app's. Settings are read through ./env.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import autocannon from "autocannon";
import type { Actor } from "@/lib/access";
import { closeDatasetDbs } from "@/lib/catalog/duckdb/dataset-db";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { type Db, createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { createBlobStore, getBlobStore, setBlobStore } from "@/lib/storage";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { hashToken, newToken } from "@/lib/util/tokens";
import { SERVER_NODE_FLAGS } from "../scripts/server-node-flags.mjs";
import { envArgs, envFlag, envNumber } from "./env";

export const SITES = ["north", "south", "east", "west", "harbour", "airport", "depot", "plant"];

/** The port BENCH_PORT_BASE + offset. */
export function benchPort(offset: number): number {
  return envNumber("BENCH_PORT_BASE", 3210) + offset;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** The middle value (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
export const spread = (xs: number[], digits = 0) =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/** `cpuMs`: the app server's CPU time per answered request (when its pid is known): unlike req/s, barely moved by other load. */
export type Figure = { reqPerSec: number; p50: number; p99: number; bad: number; load: number; cpuMs?: number };

/** autocannon for `seconds` on one URL; `bad` counts errors, timeouts and non-2xx answers. */
export async function cannon(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
  serverPid?: number,
): Promise<Figure> {
  const cpuBefore = serverPid ? processCpuSeconds(serverPid) : 0;
  // A 30 s timeout: on a loaded machine a slow page is a slow figure, not an error storm of reconnects.
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  const cpu = serverPid ? processCpuSeconds(serverPid) - cpuBefore : 0;
  return {
    ...(serverPid && result.requests.total ? { cpuMs: (cpu * 1000) / result.requests.total } : {}),
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.errors + result.non2xx + result.timeouts,
    load: os.loadavg()[0]!,
  };
}

/** One line per target: median req/s with the range, p50 and p99 medians with ranges, and the load range. */
export function summaryLine(label: string, figures: Figure[]): string {
  const rps = figures.map((f) => f.reqPerSec);
  const p50 = figures.map((f) => f.p50);
  const p99 = figures.map((f) => f.p99);
  const bad = figures.reduce((n, f) => n + f.bad, 0);
  const cpu = figures.flatMap((f) => (f.cpuMs === undefined ? [] : [f.cpuMs]));
  return (
    `${label.padEnd(34)} ${median(rps).toFixed(0).padStart(6)} req/s (${spread(rps)})  ` +
    `p50 ${median(p50)} ms (${spread(p50)})  p99 ${median(p99)} ms (${spread(p99)})  ` +
    (cpu.length ? `server CPU ${median(cpu).toFixed(1)} ms/req (${spread(cpu, 1)})  ` : "") +
    `load ${spread(
      figures.map((f) => f.load),
      2,
    )}${bad ? `  ${bad} errors/non-2xx` : ""}`
  );
}

/** `serverPid`: the app server answering `url`, whose CPU time per request is then reported. */
export type Target = { label: string; url: string; headers?: Record<string, string>; serverPid?: number };

/**
 * A/B(/C…) alternating: every round runs each target once in turn, so a change in the machine's
 * load hits all of them alike. Prints every round, then per target the medians and ranges, and
 * each target's ratio to the first one (the reference) per round: median and range.
 */
export async function alternate(
  targets: Target[],
  options: { connections: number; rounds: number; seconds: number },
): Promise<Figure[][]> {
  const figures: Figure[][] = targets.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    const parts: string[] = [];
    for (const [i, t] of targets.entries()) {
      const f = await cannon(t.url, options.connections, options.seconds, t.headers, t.serverPid);
      figures[i]!.push(f);
      const cpu = f.cpuMs === undefined ? "" : `, ${f.cpuMs.toFixed(1)} ms CPU/req`;
      parts.push(`${t.label} ${f.reqPerSec.toFixed(0)} req/s p99 ${f.p99} ms${cpu}`);
    }
    console.log(`  ${options.connections} conn, round ${round + 1}: ${parts.join("; ")}; load ${loadAverage()}`);
  }
  for (const [i, t] of targets.entries())
    console.log(summaryLine(`${t.label}, ${options.connections} conn`, figures[i]!));
  const reference = figures[0]!;
  for (const [i, t] of targets.entries()) {
    if (i === 0) continue;
    const ratios = figures[i]!.map((f, round) => f.reqPerSec / reference[round]!.reqPerSec);
    console.log(
      `  ratio ${t.label} / ${targets[0]!.label}: median ${median(ratios).toFixed(3)}× (${spread(ratios, 3)}), load ${loadAverage()}`,
    );
  }
  return figures;
}

/** The benchmark data, written by DuckDB straight to Parquet (the ingest path is measured by bench/catalog.ts). */
export async function writeReadings(file: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`COPY (SELECT range AS id, TIMESTAMP '2026-01-01' + to_seconds(range * 15) AS recorded_at,
    ['${SITES.join("','")}'][range % 8 + 1] AS site, 's-' || (range % 500) AS sensor, round(random() * 50 - 10, 2) AS temperature,
    CAST(floor(random() * 100) AS INTEGER) AS humidity, round(980 + random() * 60, 1) AS pressure,
    CASE WHEN random() < 0.97 THEN 'ok' ELSE 'alarm' END AS status FROM range(${rows})) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
}

/** A private database and data folder with the user `bench`, their workspace `bench` and a bearer token. */
export type BenchBase = {
  dir: string;
  dbUrl: string;
  db: Db;
  owner: Actor;
  workspace: { id: string; slug: string; ownerId: string };
  token: string;
  close(): Promise<void>;
};

export type BenchWorld = BenchBase & {
  datasetId: string;
  /** the readings Parquet file the dataset was made from */
  parquet: string;
  /** the dataset version's own Parquet file, as the app stored it (what the app's queries read) */
  storedParquet: string;
  /** a session cookie of the owner, as a browser sends it */
  sessionCookie: string;
};

/**
 * A private SQLite database and data folder (readable by nginx's workers, which serve the blobs
 * in http-files) with the user `bench`, their workspace `bench` and a bearer token. close()
 * removes everything.
 */
export async function createBenchBase(): Promise<BenchBase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-http-"));
  fs.chmodSync(dir, 0o755);
  const previousDataDir = process.env.DATA_DIR;
  process.env.DATA_DIR = dir;
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(dbUrl);
  const db = createDb(dbUrl);
  setDb(db);
  setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
  const close = async () => {
    await closeDatasetDbs();
    await db.$disconnect();
    setDb(undefined);
    setBlobStore(undefined);
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const owner: Actor = await createUser({ email: "bench@example.com", username: "bench" });
    const workspace = await db.workspace.create({ data: { ownerId: owner.id, slug: "bench", name: "Bench" } });
    const { token } = await createApiToken(owner.id, { name: "bench" });
    return { dir, dbUrl, db, owner, workspace, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * createBenchBase with the dataset `readings` (`rows` rows, committed through the ingest service)
 * and a signed-in session of its owner.
 */
export async function createBenchWorld(rows: number): Promise<BenchWorld> {
  const base = await createBenchBase();
  try {
    const parquet = path.join(base.dir, "readings.parquet");
    await writeReadings(parquet, rows);
    const ingest = await prepareIngest(base.owner, {
      workspaceId: base.workspace.id,
      mode: "create",
      sourcePath: parquet,
      sourceName: "readings.parquet",
      format: "parquet",
    });
    const { datasetId } = await commitIngest(base.owner, ingest.id, { name: "Readings", slug: "readings" });
    const sessionCookie = await createSession(base.db, base.owner.id);
    const version = await base.db.datasetVersion.findFirstOrThrow({
      where: { datasetId },
      orderBy: { number: "desc" },
    });
    const storedParquet = await getBlobStore().localPath(version.blobKey);
    return { ...base, datasetId, parquet, storedParquet, sessionCookie };
  } catch (error) {
    await base.close();
    throw error;
  }
}

/** A database session for the user, as next-auth stores it (hashed), and the cookie carrying it. */
export async function createSession(db: Db, userId: string): Promise<string> {
  const { token } = newToken("bench");
  await db.session.create({
    data: { sessionToken: hashToken(token), userId, expires: new Date(Date.now() + 86_400_000) },
  });
  return `next-auth.session-token=${token}`;
}

export type Server = { url: string; pid: number; stop(): Promise<void> };

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
}

/**
 * The production server as `npm start` runs it (scripts/server.mjs on the build in NEXT_DIST_DIR,
 * default .next) on the base's database and data folder, on BENCH_PORT_BASE + offset, with `env`
 * added. BENCH_HTTP_NODE_ARGS adds Node flags (e.g. "--cpu-prof --cpu-prof-dir=DIR"). Resolves
 * once `probe` answers 2xx.
 */
export async function startApp(
  base: BenchBase,
  offset: number,
  probe: { path: string; headers?: Record<string, string> },
  env: Record<string, string> = {},
  /** another checkout with its own build (e.g. of the code before a change): its own server.mjs and build run */
  cwd?: string,
): Promise<Server> {
  const port = benchPort(offset);
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...envArgs(["BENCH_HTTP_NODE_ARGS", "BENCH_APP_NODE_ARGS"]),
      ...(envFlag("BENCH_NEXT_START")
        ? ["node_modules/next/dist/bin/next", "start", "-p", String(port)]
        : ["scripts/server.mjs"]),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATA_DIR: base.dir,
        DATABASE_URL: base.dbUrl,
        NEXT_DIST_DIR: cwd ? ".next" : path.relative(process.cwd(), distDir()),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        // The per-user budget would turn this into a benchmark of the 429 answer.
        API_RATE_LIMIT_PER_MINUTE: "1000000000",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
      ...(cwd ? { cwd } : {}),
    },
  );
  const server = { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: stopper(child) };
  try {
    await waitUntilUp(`${server.url}${probe.path}`, probe.headers ?? {}, child);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilUp(url: string, headers: Record<string, string>, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    // A server that accepts but never answers must be reported, not waited for forever.
    const answer = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(10_000) }).catch(
      () => null,
    );
    if (answer?.ok) return;
    if (i % 20 === 19) console.log(`  waiting for the server: ${answer ? answer.status : "no answer"}`);
    if (answer && answer.status !== 404 && answer.status !== 503)
      throw new Error(`${url} answered ${answer.status}: ${(await answer.text()).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 5 minutes`);
}

export function distDir(): string {
  return path.resolve(process.env.NEXT_DIST_DIR || ".next");
}

/** Whether a production build exists (the HTTP benchmarks skip without one, saying so). */
export function hasBuild(name: string): boolean {
  if (fs.existsSync(path.join(distDir(), "BUILD_ID"))) return true;
  console.log(`${name}: skipped (no production build in ${distDir()}; run \`npm run build\` first)`);
  return false;
}

/** A JavaScript chunk of the build, as the static-file yardstick (the same file every round): its URL path. */
export function staticAssetPath(): string {
  const chunks = path.join(distDir(), "static", "chunks");
  const files = fs
    .readdirSync(chunks)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ f, size: fs.statSync(path.join(chunks, f)).size }));
  files.sort((a, b) => a.size - b.size);
  return `/_next/static/chunks/${files[Math.floor(files.length / 2)]!.f}`;
}

/**
 * nginx from Debian (/usr/sbin/nginx, one worker, sendfile) on BENCH_PORT_BASE + offset, serving
 * the build's `/_next/static` and, with `root`, every other path from that folder (the blobs): the
 * reference a static file server gives on this machine. Null (and a line saying so) when nginx is
 * not installed or does not start.
 */
export async function startNginx(dir: string, offset: number, root?: string): Promise<Server | null> {
  const binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (!binary) {
    console.log("  nginx is not installed (apt-get install -y nginx): no nginx reference");
    return null;
  }
  const port = benchPort(offset);
  const prefix = path.join(dir, "nginx");
  fs.mkdirSync(prefix, { recursive: true });
  // nginx's workers run as another user: the build's static folder must be readable by them.
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log;
events {} http { include /etc/nginx/mime.types; access_log off; sendfile on; tcp_nopush on;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  server { listen 127.0.0.1:${port};${root ? ` root ${root};` : ""} location /_next/static/ { alias ${distDir()}/static/; } } }\n`,
  );
  const child = spawn(binary, ["-c", conf, "-p", prefix], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const server = { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: stopper(child) };
  const asset = `${server.url}${staticAssetPath()}`;
  for (let i = 0; i < 40; i++) {
    if (child.exitCode !== null) break;
    const answer = await fetch(asset).catch(() => null);
    if (answer?.ok) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  console.log(`  nginx did not serve ${asset}: ${stderr.trim().slice(0, 300) || "no answer"}; no nginx reference`);
  return null;
}

/** The resident memory of a process and its children, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean))
        total += treeRss(Number(child));
    }
  } catch {
    // The process ended.
  }
  return total;
}

/** CPU seconds (user + system, all threads) a process has used so far (Linux /proc; 0 when it ended). */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}
