// Request overhead of the REST API, measured against the production server:
// - an authorized `GET /api/v1/data/{owner}/{namespace}/{dataset}?limit=50` (bearer token) beside a
//   `/_next/static` asset, at 10 and 50 connections, alternating A/B for BENCH_HTTP_ROUNDS rounds
//   (default 3) of BENCH_HTTP_DURATION_S seconds (default 5): medians, ranges, the ratio, load average;
// - a grid page (50 rows, sorted and filtered) through HTTP against the same query run by DuckDB
//   in this process on the same Parquet file.
// The dataset has BENCH_HTTP_ROWS rows (default 1,000,000). The server is the production build
// (`next build`; NEXT_DIST_DIR selects another build folder) on BENCH_HTTP_PORT (default 3190),
// started on a private SQLite database and data folder that are removed afterwards.
// Run alone: `npx tsx --import ./scripts/server-only-hook.mjs bench/http-api.ts`, or `BENCH_ONLY=http-api npm run bench`.
// The figures are only comparable between runs at a similar load average (printed with them).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import autocannon from "autocannon";
import type { Actor } from "@/lib/access";
import { closeDatasetDbs } from "@/lib/catalog/duckdb/dataset-db";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { datasetQuerySchema } from "@/lib/catalog/query-schema";
import { runQuery } from "@/lib/catalog/run-query";
import { parseColumns } from "@/lib/catalog/types";
import { createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { createBlobStore, getBlobStore, setBlobStore } from "@/lib/storage";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { measure, ms } from "./stats";

const ROWS = Number(process.env.BENCH_HTTP_ROWS || 1_000_000);
const PORT = Number(process.env.BENCH_HTTP_PORT || 3190);
const DURATION = Number(process.env.BENCH_HTTP_DURATION_S || 5);
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS || 3);
const SITES = ["north", "south", "east", "west", "harbour", "airport", "depot", "plant"];
const DATA_PATH = "/api/v1/data/bench/bench/readings";

export type Figure = { reqPerSec: number; p50: number; p99: number; bad: number };

/** The benchmark data, written by DuckDB straight to Parquet (the ingest path is measured by bench/catalog.ts). */
async function writeParquet(file: string, rows: number) {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`COPY (SELECT range AS id, TIMESTAMP '2026-01-01' + to_seconds(range * 15) AS recorded_at,
    ['${SITES.join("','")}'][range % 8 + 1] AS site, 's-' || (range % 500) AS sensor, round(random() * 50 - 10, 2) AS temperature,
    CAST(floor(random() * 100) AS INTEGER) AS humidity, round(980 + random() * 60, 1) AS pressure,
    CASE WHEN random() < 0.97 THEN 'ok' ELSE 'alarm' END AS status FROM range(${rows})) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
}

async function waitUntilUp(url: string, headers: Record<string, string>, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    // A server that accepts but never answers must be reported, not waited for forever.
    const answer = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) }).catch(() => null);
    if (answer?.ok) return;
    if (i % 20 === 19) console.log(`  waiting for the server: ${answer ? answer.status : "no answer"}`);
    if (answer && answer.status !== 404 && answer.status !== 503)
      throw new Error(`${url} answered ${answer.status}: ${await answer.text()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 5 minutes`);
}

/** A JavaScript chunk of the build, as the static-file yardstick (the same file every round). */
function staticAsset(distDir: string): string {
  const chunks = path.join(distDir, "static", "chunks");
  const files = fs
    .readdirSync(chunks)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ f, size: fs.statSync(path.join(chunks, f)).size }));
  files.sort((a, b) => a.size - b.size);
  return `/_next/static/chunks/${files[Math.floor(files.length / 2)]!.f}`;
}

async function cannon(url: string, connections: number, headers: Record<string, string> = {}): Promise<Figure> {
  const result = await autocannon({ url, connections, duration: DURATION, headers });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.errors + result.non2xx + result.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

function summary(label: string, figures: Figure[]) {
  const rps = figures.map((f) => f.reqPerSec);
  const p50 = figures.map((f) => f.p50);
  const p99 = figures.map((f) => f.p99);
  const bad = figures.reduce((n, f) => n + f.bad, 0);
  return `${label.padEnd(30)} ${median(rps).toFixed(0).padStart(7)} req/s (${range(rps)})  p50 ${median(p50)} ms (${range(p50)})  p99 ${median(p99)} ms (${range(p99)})${bad ? `  ${bad} errors/non-2xx` : ""}`;
}

export async function runHttpApiBench(): Promise<void> {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log(`http-api: skipped (no production build in ${distDir}; run \`next build\` first)`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-http-"));
  const previous = { DATA_DIR: process.env.DATA_DIR };
  process.env.DATA_DIR = dir;
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  setDb(db);
  setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
  let server: ChildProcess | undefined;
  try {
    const owner: Actor = await createUser({ email: "bench@example.com", username: "bench" });
    const workspace = await db.workspace.create({ data: { ownerId: owner.id, slug: "bench", name: "Bench" } });
    const source = path.join(dir, "readings.parquet");
    await writeParquet(source, ROWS);
    const ingest = await prepareIngest(owner, {
      workspaceId: workspace.id,
      mode: "create",
      sourcePath: source,
      sourceName: "readings.parquet",
      format: "parquet",
    });
    const { datasetId } = await commitIngest(owner, ingest.id, { name: "Readings", slug: "readings" });
    const { token } = await createApiToken(owner.id, { name: "bench" });
    const auth = { Authorization: `Bearer ${token}` };

    const env = {
      ...process.env,
      DATA_DIR: dir,
      DATABASE_URL: url,
      NEXT_DIST_DIR: path.relative(process.cwd(), distDir),
      NEXT_TELEMETRY_DISABLED: "1",
      // The per-token budget would turn this into a benchmark of the 429 answer.
      API_RATE_LIMIT_PER_MINUTE: "1000000000",
    };
    server = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_HTTP_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
        "node_modules/next/dist/bin/next",
        "start",
        "-p",
        String(PORT),
      ],
      { env, stdio: ["ignore", "ignore", "inherit"] },
    );
    const base = `http://127.0.0.1:${PORT}`;
    const api = `${base}${DATA_PATH}?limit=50`;
    await waitUntilUp(api, auth, server);
    const asset = `${base}${staticAsset(distDir)}`;
    const check = await fetch(asset);
    if (!check.ok) throw new Error(`${asset} answered ${check.status}`);

    console.log(
      `http-api: ${ROWS.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${DURATION} s per figure; ${os.cpus().length} cores; load before ${load()}`,
    );
    await cannon(api, 10, auth); // warm-up: compiled routes, pools, JIT
    await cannon(asset, 10);
    for (const connections of [10, 50]) {
      const statics: Figure[] = [];
      const apis: Figure[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        statics.push(await cannon(asset, connections));
        apis.push(await cannon(api, connections, auth));
        ratios.push(apis.at(-1)!.reqPerSec / statics.at(-1)!.reqPerSec);
        console.log(
          `  ${connections} connections, round ${round + 1}: static ${statics.at(-1)!.reqPerSec.toFixed(0)} req/s, API ${apis.at(-1)!.reqPerSec.toFixed(0)} req/s (p99 ${apis.at(-1)!.p99} ms), load ${load()}`,
        );
      }
      console.log(summary(`static asset, ${connections} conn`, statics));
      console.log(summary(`API 50-row read, ${connections} conn`, apis));
      console.log(`  ratio API / static: median ${median(ratios).toFixed(3)}× (${range(ratios, 3)})`);
    }

    // The grid page: one request at a time through HTTP, then the same query on DuckDB in this process.
    const query = (i: number) => ({
      limit: 50,
      sort: [{ column: "temperature", direction: "desc" as const }],
      filters: [{ column: "site", op: "eq" as const, value: SITES[i % SITES.length]! }],
    });
    const gridUrl = (i: number) =>
      `${base}${DATA_PATH}?limit=50&sort=-temperature&filter=${encodeURIComponent(`site:eq:${SITES[i % SITES.length]}`)}`;
    const version = await db.datasetVersion.findFirstOrThrow({ where: { datasetId } });
    const parquet = {
      parquetPath: await getBlobStore().localPath(version.blobKey),
      columns: parseColumns(version.columns),
      rowCount: ROWS,
    };
    for (let round = 0; round < ROUNDS; round++) {
      const http = await measure(30, async (i) => {
        const answer = await fetch(gridUrl(i), { headers: auth });
        if (!answer.ok) throw new Error(`grid page answered ${answer.status}: ${await answer.text()}`);
        await answer.arrayBuffer();
      });
      const duck = await measure(30, (i) => runQuery(parquet, datasetQuerySchema.parse(query(i))));
      console.log(
        `grid page, 50 rows sorted and filtered, round ${round + 1}: HTTP median ${ms(http.median)} (p99 ${ms(http.p99)}), DuckDB alone median ${ms(duck.median)}, ratio ${(http.median / duck.median).toFixed(2)}×, load ${load()}`,
      );
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    await closeDatasetDbs();
    await db.$disconnect();
    setDb(undefined);
    setBlobStore(undefined);
    if (previous.DATA_DIR === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous.DATA_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpApiBench();
}
