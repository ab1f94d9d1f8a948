// Dataset ingest through HTTP against a production build, as API clients send it, with the
// reference in the same run (issue 15): a CSV of BENCH_INGEST_ROWS rows (default 1,000,000 and
// 5,000,000; 10 mixed columns, bench/catalog.ts's file) through the REST multipart upload
// (initiate, the parts as PUTs of BENCH_INGEST_PART_MB MiB (64), complete; bearer token), timed
// from the first request to complete's answer, against DuckDB alone converting the same CSV to
// Parquet (read_csv → COPY … (FORMAT parquet, COMPRESSION <the app's codec, CATALOG_PARQUET_COMPRESSION>)) with as
// many threads as the app's DuckDB. A and B alternate BENCH_ROUNDS times (3, the order flips each round); it prints
// rows/s as median and range, the ratio of the medians (and the ratio until the column profile, computed
// after the answer, is stored as well) and the load average, then the seconds of ours split into
// initiate, sending the parts and the complete request, and the CPU time of the app server (DuckDB's
// threads and the profile included) per ingest beside DuckDB alone's. The CSVs are synced to disk before
// anything is timed.
//
// Needs a production build (`npm run build`). Shares bench/http-harness.ts with the other HTTP
// benchmarks; the app runs as `npm start` does on BENCH_PORT_BASE + 8. Run alone:
// `BENCH_ONLY=ingest npm run bench`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { catalogConfig } from "@/lib/catalog/config";
import { quoteLiteral } from "@/lib/catalog/sql";
import { parquetCompression } from "@/lib/config/parquet-compression";
import { writeCsv } from "./catalog";
import { envNumber, envNumbers } from "./env";
import { agent, request } from "./http-files";
import {
  type Server,
  createBenchBase,
  hasBuild,
  loadAverage,
  median,
  processCpuSeconds,
  spread,
  startApp,
} from "./http-harness";

const MiB = 1024 * 1024;

type Api = { base: string; token: string };

async function call(api: Api, method: string, route: string, body?: unknown) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(`${api.base}${route}`, {
    method,
    headers: { Authorization: `Bearer ${api.token}`, ...(text ? { "Content-Type": "application/json" } : {}) },
    body: text,
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${answer}`);
  return JSON.parse(answer) as Record<string, unknown>;
}

/** The whole multipart upload of `file` as a new version of the dataset; returns seconds and the rows it reports. */
async function ingestOverHttp(api: Api, dataset: string, file: string, partBytes: number, serverPid: number) {
  const size = fs.statSync(file).size;
  const cpuStart = processCpuSeconds(serverPid);
  const start = performance.now();
  const upload = await call(api, "POST", `/api/v1/upload/multipart/${dataset}/initiate`, {
    format: "csv",
    mode: "replace",
  });
  const uploadId = String(upload.uploadId);
  const initiated = performance.now();
  for (let offset = 0, part = 1; offset < size; offset += partBytes, part++) {
    const end = Math.min(size, offset + partBytes);
    const sent = await request(
      "PUT",
      `${api.base}/api/v1/upload/multipart/${dataset}/${uploadId}/parts/${part}`,
      { Authorization: `Bearer ${api.token}`, "Content-Type": "text/csv", "Content-Length": end - offset },
      fs.createReadStream(file, { start: offset, end: end - 1, highWaterMark: MiB }),
    );
    if (sent.status !== 200) throw new Error(`part ${part} answered ${sent.status}: ${sent.text}`);
  }
  const sent = performance.now();
  const done = await call(api, "POST", `/api/v1/upload/multipart/${dataset}/${uploadId}/complete`);
  const end = performance.now();
  // The column profile is computed once the ingest has answered; asking for it waits for that computation, so
  // nothing of this ingest still runs when the next step is timed, and its CPU counts as this ingest's.
  await call(api, "GET", `/api/v1/datasets/${dataset}/profile`);
  const profiled = performance.now();
  return {
    seconds: (end - start) / 1000,
    profiledSeconds: (profiled - start) / 1000,
    serverCpuSeconds: processCpuSeconds(serverPid) - cpuStart,
    initiateSeconds: (initiated - start) / 1000,
    partsSeconds: (sent - start) / 1000,
    completeSeconds: (end - sent) / 1000,
    rows: Number(done.rowsAdded),
  };
}

/** DuckDB alone: the same CSV to Parquet with the app's codec on the same disk; returns seconds and the rows written. */
async function duckdbAlone(file: string, dir: string) {
  const target = path.join(dir, "alone.parquet");
  const instance = await DuckDBInstance.create(":memory:", { threads: String(catalogConfig().duckdbThreads) });
  const db = await instance.connect();
  try {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await db.runAndReadAll(
      `COPY (SELECT * FROM read_csv(${quoteLiteral(file)})) TO ${quoteLiteral(target)} (FORMAT parquet, COMPRESSION ${parquetCompression()})`,
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows: Number(result.getRowsJson()[0]?.[0]) };
  } finally {
    db.closeSync();
    instance.closeSync();
    fs.rmSync(target, { force: true });
  }
}

const krows = (v: number) => `${(v / 1000).toFixed(0)}k`;

export async function runHttpIngestBench(): Promise<void> {
  if (!hasBuild("ingest over HTTP")) return;
  const sizes = envNumbers("BENCH_INGEST_ROWS", [1_000_000, 5_000_000]);
  const partBytes = envNumber("BENCH_INGEST_PART_MB", 64) * MiB;
  const rounds = Math.max(1, envNumber("BENCH_ROUNDS", 3));

  const world = await createBenchBase();
  const { dir } = world;
  const servers: Server[] = [];
  // Written before the server starts: writing 313 MiB blocks this process for a minute on a busy machine, longer
  // than the server keeps an idle connection open, and the next request would meet a connection it had closed.
  const files = sizes.map((rows) => {
    const csv = path.join(dir, `rows-${rows}.csv`);
    return { rows, csv, bytes: writeCsv(csv, rows) };
  });
  // The inputs settle on disk before anything is timed, as a client's file has long before it uploads: otherwise
  // their writeback runs during the first rounds and slows the app's synced writes (DuckDB alone syncs nothing).
  execFileSync("sync");
  try {
    const app = await startApp(world, 8, { path: "/api/v1/openapi.json" });
    servers.push(app);
    const api = { base: app.url, token: world.token };
    // The dataset every round replaces (DataLinks' ingest creates it in the caller's own namespace).
    await call(api, "POST", "/api/v1/ingest/bench/readings", [{ id: 0 }]);
    // Warm-up, not timed: one ingest of a 100,000-row file through the same routes, as the other HTTP
    // benchmarks warm their routes up. A fresh server's first parts took 0.4–0.8 s where later ones took
    // 0.17–0.23 s (its code not yet compiled), which was the first round of the 1M-row figure.
    const warmCsv = path.join(dir, "warm-up.csv");
    writeCsv(warmCsv, 100_000);
    await ingestOverHttp(api, "bench/bench/readings", warmCsv, partBytes, app.pid);
    fs.rmSync(warmCsv, { force: true });

    for (const { rows, csv, bytes } of files) {
      const ours: number[] = [];
      const initiateSeconds: number[] = [];
      const partsSeconds: number[] = [];
      const completeSeconds: number[] = [];
      const profiledSeconds: number[] = [];
      const oursCpu: number[] = [];
      const aloneCpu: number[] = [];
      const alone: number[] = [];
      const loads: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const steps = [
          async () => {
            const run = await ingestOverHttp(api, "bench/bench/readings", csv, partBytes, app.pid);
            if (run.rows !== rows) throw new Error(`the upload reported ${run.rows} rows, expected ${rows}`);
            ours.push(rows / run.seconds);
            initiateSeconds.push(run.initiateSeconds);
            partsSeconds.push(run.partsSeconds);
            completeSeconds.push(run.completeSeconds);
            profiledSeconds.push(run.profiledSeconds);
            oursCpu.push(run.serverCpuSeconds);
          },
          async () => {
            const run = await duckdbAlone(csv, dir);
            if (run.rows !== rows) throw new Error(`DuckDB wrote ${run.rows} rows, expected ${rows}`);
            alone.push(rows / run.seconds);
            aloneCpu.push(run.cpuSeconds);
          },
        ];
        for (const step of round % 2 ? steps.reverse() : steps) await step();
        loads.push(loadAverage());
      }
      const r = (xs: number[]) => `${krows(Math.min(...xs))}–${krows(Math.max(...xs))}`;
      console.log(
        `ingest ${rows.toLocaleString("en")} rows (${(bytes / MiB).toFixed(0)} MiB CSV), REST multipart over HTTP: ` +
          `ours median ${krows(median(ours))} rows/s (${r(ours)}) | DuckDB alone median ${krows(median(alone))} rows/s (${r(alone)}) | ` +
          `ratio ${(median(ours) / median(alone)).toFixed(2)} (until the profile is stored too: ` +
          `${(median(alone.map((r) => rows / r)) / median(profiledSeconds)).toFixed(2)}) | load ${loads.join(" / ")}`,
      );
      const secs = (xs: number[]) => `${median(xs).toFixed(2)} s (${spread(xs, 2)})`;
      console.log(
        `  of ours: initiate ${secs(initiateSeconds)}, then sending the parts until ${secs(partsSeconds)}, complete (join, convert, commit) ${secs(completeSeconds)}; ` +
          `the column profile stored (computed after the answer) ${secs(profiledSeconds)} from the start; ` +
          `DuckDB alone ${secs(alone.map((r) => rows / r))}`,
      );
      console.log(
        `  CPU time (less swayed by other load than the wall clock): the app server ${secs(oursCpu)} per ingest, ` +
          `DuckDB alone ${secs(aloneCpu)}; ratio ${(median(aloneCpu) / median(oursCpu)).toFixed(2)}`,
      );
      fs.rmSync(csv, { force: true });
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    agent.destroy();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpIngestBench();
}
