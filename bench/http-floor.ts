// What Next.js itself costs per request on this machine, before any of our code: the floor under the
// page and API targets of issue 15 (pages ≥ 0.1× and the API read ≥ 0.3× the static asset's rate).
// Builds bench/floor-app (a root layout, a dynamic page reading nothing, a route handler answering 50
// constant JSON rows; the app's Next version and response headers) in a temporary folder, serves it
// with `next start` on BENCH_PORT_BASE + 10, and runs autocannon alternately on one of its
// `/_next/static` chunks, the route and the page, at 10 and 50 connections, BENCH_FLOOR_ROUNDS
// rounds (default 3) of BENCH_FLOOR_DURATION_S seconds (default 5), after 2 s of warm-up each: req/s, p99, the server's CPU per
// request, each one's ratio to the static asset, the load average. BENCH_FLOOR_DIR keeps the build
// there and reuses it. Run alone: `BENCH_ONLY=http-floor npm run bench`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { envNumber } from "./env";
import { type Figure, type Server, alternate, benchPort, cannon, loadAverage, median } from "./http-harness";

const ROUNDS = envNumber(["BENCH_FLOOR_ROUNDS", "BENCH_HTTP_ROUNDS"], 3);
const SECONDS = envNumber(["BENCH_FLOOR_DURATION_S", "BENCH_HTTP_DURATION_S"], 5);
/** The app's file of static response headers (next.config.js's), which the floor app imports too. */
const SHARED_HEADERS = "lib/http/static-headers.mjs";

/** The floor app copied beside a hard-linked copy of our node_modules (Next refuses a symlink leaving its root), built once. */
function buildFloorApp(): string {
  const dir = process.env.BENCH_FLOOR_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-floor-"));
  if (fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) return dir;
  fs.cpSync(path.resolve("bench/floor-app"), dir, { recursive: true });
  // The app's own response headers, which the floor app's next.config.mjs imports from the same path.
  fs.cpSync(path.resolve(SHARED_HEADERS), path.join(dir, SHARED_HEADERS));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  if (!fs.existsSync(path.join(dir, "node_modules"))) {
    const linked = spawnSync("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")]);
    if (linked.status !== 0)
      fs.cpSync(path.resolve("node_modules"), path.join(dir, "node_modules"), { recursive: true });
  }
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`building the floor app failed:\n${build.stdout}\n${build.stderr}`);
  return dir;
}

async function startFloor(dir: string): Promise<Server> {
  const port = benchPort(10);
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the floor app exited with ${child.exitCode}`);
    const answer = await fetch(`${url}/api/floor`).catch(() => null);
    if (answer?.ok) return { url, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("the floor app did not answer within a minute");
}

function staticChunk(dir: string): string {
  const chunks = path.join(dir, ".next", "static", "chunks");
  const files = fs
    .readdirSync(chunks)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ f, size: fs.statSync(path.join(chunks, f)).size }))
    .sort((a, b) => a.size - b.size);
  return `/_next/static/chunks/${files[Math.floor(files.length / 2)]!.f}`;
}

const ratio = (figures: Figure[][], i: number) =>
  median(figures[i]!.map((f, round) => f.reqPerSec / figures[0]![round]!.reqPerSec));
const cpu = (figures: Figure[]) => median(figures.flatMap((f) => (f.cpuMs === undefined ? [] : [f.cpuMs])));

export async function runHttpFloorBench(): Promise<void> {
  const started = performance.now();
  const dir = buildFloorApp();
  console.log(
    `floor app built in ${dir} (${((performance.now() - started) / 1000).toFixed(0)} s), load ${loadAverage()}`,
  );
  const server = await startFloor(dir);
  try {
    const targets = [
      { label: "static asset", url: `${server.url}${staticChunk(dir)}`, serverPid: server.pid },
      { label: "route, 50 JSON rows", url: `${server.url}/api/floor`, serverPid: server.pid },
      { label: "dynamic page, nothing read", url: `${server.url}/floor`, serverPid: server.pid },
    ];
    // Warm-up, not counted: the first requests compile and cache what every later one reuses.
    for (const t of targets) await cannon(t.url, 10, 2);
    for (const connections of [10, 50]) {
      const figures = await alternate(targets, { connections, rounds: ROUNDS, seconds: SECONDS });
      if (connections !== 10) continue;
      console.log(
        `floor at 10 conn: Next's route ${ratio(figures, 1).toFixed(3)}× the static asset (API read target 0.3×), ` +
          `Next's page ${ratio(figures, 2).toFixed(3)}× (page target 0.1×); server CPU per request: static ` +
          `${cpu(figures[0]!).toFixed(2)} ms, route ${cpu(figures[1]!).toFixed(2)} ms, page ${cpu(figures[2]!).toFixed(2)} ms; ` +
          `load ${loadAverage()}`,
      );
    }
  } finally {
    await server.stop();
    if (!process.env.BENCH_FLOOR_DIR) fs.rmSync(dir, { recursive: true, force: true });
  }
}
