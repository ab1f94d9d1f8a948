// What the HTTP benchmarks (http-api, http-grid, http-pages) share: a private database and data
// folder with a seeded dataset, the production server (`next start` on a build), nginx from Debian
// serving the build's static files as the reference, autocannon runs, and figures printed as
// medians with ranges, ratios and the load average.
//
// Ports come from BENCH_PORT_BASE (default 3210): the app listens on base + offset, nginx on the next
// port. Benchmarks run one after another, so they may share the base.
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
import { createBlobStore, setBlobStore } from "@/lib/storage";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { hashToken, newToken } from "@/lib/util/tokens";

export const SITES = ["north", "south", "east", "west", "harbour", "airport", "depot", "plant"];

/** The port BENCH_PORT_BASE + offset. */
export function benchPort(offset: number): number {
  return Number(process.env.BENCH_PORT_BASE || 3210) + offset;
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

export type Figure = { reqPerSec: number; p50: number; p99: number; bad: number; load: number };

/** autocannon for `seconds` on one URL; `bad` counts errors, timeouts and non-2xx answers. */
export async function cannon(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Figure> {
  // A 30 s timeout: on a loaded machine a slow page is a slow figure, not an error storm of reconnects.
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  return {
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
  return (
    `${label.padEnd(34)} ${median(rps).toFixed(0).padStart(6)} req/s (${spread(rps)})  ` +
    `p50 ${median(p50)} ms (${spread(p50)})  p99 ${median(p99)} ms (${spread(p99)})  ` +
    `load ${spread(
      figures.map((f) => f.load),
      2,
    )}${bad ? `  ${bad} errors/non-2xx` : ""}`
  );
}

export type Target = { label: string; url: string; headers?: Record<string, string> };

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
      const f = await cannon(t.url, options.connections, options.seconds, t.headers);
      figures[i]!.push(f);
      parts.push(`${t.label} ${f.reqPerSec.toFixed(0)} req/s p99 ${f.p99} ms`);
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

export type BenchWorld = {
  dir: string;
  dbUrl: string;
  db: Db;
  owner: Actor;
  workspace: { id: string; slug: string; ownerId: string };
  datasetId: string;
  /** the readings Parquet file the dataset was made from (DuckDB alone reads this one) */
  parquet: string;
  token: string;
  /** a session cookie of the owner, as a browser sends it */
  sessionCookie: string;
  close(): Promise<void>;
};

/**
 * A private SQLite database and data folder with the user `bench`, their workspace `bench` and the
 * dataset `readings` (`rows` rows, committed through the ingest service), a bearer token and a
 * signed-in session. close() removes everything.
 */
export async function createBenchWorld(rows: number): Promise<BenchWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-http-"));
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
    const parquet = path.join(dir, "readings.parquet");
    await writeReadings(parquet, rows);
    const ingest = await prepareIngest(owner, {
      workspaceId: workspace.id,
      mode: "create",
      sourcePath: parquet,
      sourceName: "readings.parquet",
      format: "parquet",
    });
    const { datasetId } = await commitIngest(owner, ingest.id, { name: "Readings", slug: "readings" });
    const { token } = await createApiToken(owner.id, { name: "bench" });
    const sessionCookie = await createSession(db, owner.id);
    return { dir, dbUrl, db, owner, workspace, datasetId, parquet, token, sessionCookie, close };
  } catch (error) {
    await close();
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

export type Server = { url: string; stop(): Promise<void> };

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
}

/**
 * The production server (`next start` on the build in NEXT_DIST_DIR, default .next) on the
 * world's database and data folder, on BENCH_PORT_BASE + offset. BENCH_HTTP_NODE_ARGS adds Node
 * flags (e.g. "--cpu-prof --cpu-prof-dir=DIR"). Resolves once `probe` answers 2xx.
 */
export async function startApp(
  world: BenchWorld,
  offset: number,
  probe: { path: string; headers?: Record<string, string> },
): Promise<Server> {
  const port = benchPort(offset);
  const env = {
    ...process.env,
    DATA_DIR: world.dir,
    DATABASE_URL: world.dbUrl,
    NEXT_DIST_DIR: path.relative(process.cwd(), distDir()),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // The per-user budget would turn this into a benchmark of the 429 answer.
    API_RATE_LIMIT_PER_MINUTE: "1000000000",
  };
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_HTTP_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(port),
    ],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  const server = { url: `http://127.0.0.1:${port}`, stop: stopper(child) };
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
 * nginx from Debian (/usr/sbin/nginx, one worker, sendfile) serving the build's `/_next/static`
 * on BENCH_PORT_BASE + offset: the reference a static file server gives on this machine. Null
 * (and a line saying so) when nginx is not installed or does not start.
 */
export async function startNginx(dir: string, offset: number): Promise<Server | null> {
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
  server { listen 127.0.0.1:${port}; location /_next/static/ { alias ${distDir()}/static/; } } }\n`,
  );
  const child = spawn(binary, ["-c", conf, "-p", prefix], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const server = { url: `http://127.0.0.1:${port}`, stop: stopper(child) };
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
