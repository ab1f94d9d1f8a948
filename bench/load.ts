// Load: autocannon against an authorized API read (GET /api/v1/data/alice/sales, the owner's
// bearer token) served by 1 and then by 2 production instances on one PostgreSQL database and
// one S3 bucket (s3rver, started here). For 2 instances autocannon spreads its connections over
// both URLs (round-robin per connection), as a load balancer would.
//
// Prerequisites:
// - a production build: `next build` (or `NEXT_DIST_DIR=.next-x next build`, then the same NEXT_DIST_DIR here);
// - a PostgreSQL server: BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh database is created in it and dropped).
// LOAD_CONNECTIONS (default 100) and LOAD_DURATION_S (default 30) change the load.
// Run alone: `tsx --import ./scripts/server-only-hook.mjs bench/load.ts`.
//
// The load generator runs on the same machine as the instances, the database and s3rver, so on a
// small machine the 2-instance figure shows the cost of coordination more than added capacity.
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { startCluster } from "../e2e/scale-cluster";

export type LoadResult = {
  instances: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
};

const READ_PATH = "/api/v1/data/alice/sales";

async function load(urls: string[], token: string, connections: number, duration: number): Promise<autocannon.Result> {
  const targets = urls.map((u) => `${u}${READ_PATH}`);
  return autocannon({
    // autocannon accepts several URLs (its types say one) and assigns each connection to one of them in turn.
    url: (targets.length === 1 ? targets[0]! : targets) as string,
    connections,
    duration,
    headers: { Authorization: `Bearer ${token}` },
  });
}

function row(instances: number, result: autocannon.Result): LoadResult {
  return {
    instances,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

export async function runLoadBench(): Promise<LoadResult[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log(
      "load: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server; needs a production build)",
    );
    return [];
  }
  const connections = Number(process.env.LOAD_CONNECTIONS || 100);
  const duration = Number(process.env.LOAD_DURATION_S || 30);
  // The per-token API budget would turn a load test into a test of the 429 path.
  const cluster = await startCluster({ instances: 2, serverUrl, env: { API_RATE_LIMIT_PER_MINUTE: "100000000" } });
  try {
    const token = await cluster.cli("token", "create", "--username", "alice");
    for (const url of cluster.urls) {
      const warm = await fetch(`${url}${READ_PATH}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!warm.ok) throw new Error(`GET ${READ_PATH} answered ${warm.status}: ${await warm.text()}`);
    }
    const results: LoadResult[] = [];
    for (const urls of [cluster.urls.slice(0, 1), cluster.urls]) {
      await load(urls, token, 10, 2); // warm-up: compiled routes, connection pools
      results.push(row(urls.length, await load(urls, token, connections, duration)));
    }
    console.log(
      `\nload: GET ${READ_PATH} (bearer token, PostgreSQL + S3), ${connections} connections, ${duration} s each`,
    );
    console.log("instances   req/s    p50 ms   p99 ms   errors   non-2xx   requests");
    for (const r of results) {
      console.log(
        `${String(r.instances).padEnd(9)} ${r.reqPerSec.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.requests).padStart(10)}`,
      );
    }
    return results;
  } finally {
    await cluster.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runLoadBench();
}
