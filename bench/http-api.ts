// Request overhead of the REST API, measured against the production server: an authorized
// `GET /api/v1/data/{owner}/{namespace}/{dataset}?limit=50` with a bearer token, by the dataset's
// owner and by a grantee (a viewer share: the access check reads membership and grants), beside a
// `/_next/static` asset served by the same server (the reference) and by nginx from Debian,
// at 10 and 50 connections, with `GET /api/v1/workspaces` (same token, no DuckDB) as the floor of a token
// request, alternating for BENCH_HTTP_ROUNDS rounds (default 3) of
// BENCH_HTTP_DURATION_S seconds (default 5): medians, ranges, ratios to the static asset, load average.
// The dataset has BENCH_HTTP_ROWS rows (default 1,000,000). The server is the production build
// (NEXT_DIST_DIR selects another build folder) on BENCH_PORT_BASE (default 3210), nginx on the next
// port; both run on a private SQLite database and data folder that are removed afterwards.
// BENCH_HTTP_API_ONLY=1 runs only the owner's API load (for a CPU profile of it alone, with
// BENCH_HTTP_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR", then `npx tsx bench/cpu-profile-top.ts PROFILE`).
// BENCH_HTTP_COMPARE_DIST=<build folder> (e.g. a build of the branch point) starts a second server from that build on
// BENCH_PORT_BASE + 3, on the same database and data folder, and runs its API targets in every round beside this
// build's (labelled "[compare]"): an A/B of old and new code in one run, under the same load. BENCH_HTTP_COMPARE_NEXT=1
// starts that second server with its direct routes off (DIRECT_ROUTES=0, scripts/direct-routes.mjs): every request
// through Next's pipeline, as before them.
// Run alone: `BENCH_ONLY=http-api npm run bench`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { shareResource } from "@/lib/sharing/share-resource";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import {
  type Server,
  type Target,
  alternate,
  cannon,
  createBenchWorld,
  hasBuild,
  loadAverage,
  startApp,
  startNginx,
  staticAssetPath,
  summaryLine,
} from "./http-harness";
import { envFlag, envNumber } from "./env";

const ROWS = envNumber("BENCH_HTTP_ROWS", 1_000_000);
const SECONDS = envNumber("BENCH_HTTP_DURATION_S", 5);
const ROUNDS = envNumber("BENCH_HTTP_ROUNDS", 3);
const DATA_PATH = "/api/v1/data/bench/bench/readings?limit=50";

export async function runHttpApiBench(): Promise<void> {
  if (!hasBuild("http-api")) return;
  const world = await createBenchWorld(ROWS);
  const servers: Server[] = [];
  try {
    const grantee = await createUser({ email: "grantee@example.com", username: "grantee" });
    await shareResource(world.owner, "dataset", world.datasetId, { grantees: ["grantee"], role: "viewer" });
    const granteeToken = (await createApiToken(grantee.id, { name: "bench" })).token;
    const owner = { Authorization: `Bearer ${world.token}` };
    const app = await startApp(world, 0, { path: DATA_PATH, headers: owner });
    servers.push(app);
    const api = `${app.url}${DATA_PATH}`;
    console.log(
      `http-api: ${ROWS.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${SECONDS} s per figure; load before ${loadAverage()}`,
    );
    if (envFlag("BENCH_HTTP_API_ONLY")) {
      for (const connections of [10, 50]) {
        const figures = [];
        for (let round = 0; round < ROUNDS; round++) figures.push(await cannon(api, connections, SECONDS, owner));
        console.log(summaryLine(`API 50-row read (owner), ${connections} conn`, figures));
      }
      return;
    }
    const nginx = await startNginx(world.dir, 1);
    if (nginx) servers.push(nginx);
    const asset = staticAssetPath();
    const compareDist = process.env.BENCH_HTTP_COMPARE_DIST;
    const throughNext = envFlag("BENCH_HTTP_COMPARE_NEXT");
    const compareEnv = {
      ...(compareDist ? { NEXT_DIST_DIR: compareDist } : {}),
      ...(throughNext ? { DIRECT_ROUTES: "0" } : {}),
    };
    const compareLabel = [compareDist, throughNext ? "through Next" : ""].filter(Boolean).join(", ");
    const compare = compareLabel ? await startApp(world, 3, { path: DATA_PATH, headers: owner }, compareEnv) : null;
    if (compare) servers.push(compare);
    const apiTargets = (server: Server, tag: string): Target[] => [
      { label: `API read (owner)${tag}`, url: `${server.url}${DATA_PATH}`, headers: owner, serverPid: server.pid },
      // The floor under the read: Next's route pipeline, the wrapper and the token, with one small query and no DuckDB.
      {
        label: `API workspaces (owner)${tag}`,
        url: `${server.url}/api/v1/workspaces`,
        headers: owner,
        serverPid: server.pid,
      },
      {
        label: `API read (grantee)${tag}`,
        url: `${server.url}${DATA_PATH}`,
        headers: { Authorization: `Bearer ${granteeToken}` },
        serverPid: server.pid,
      },
    ];
    const targets: Target[] = [
      { label: "static asset (next)", url: `${app.url}${asset}`, serverPid: app.pid },
      ...(nginx ? [{ label: "static asset (nginx)", url: `${nginx.url}${asset}` }] : []),
      ...apiTargets(app, ""),
      ...(compare ? apiTargets(compare, ` [compare: ${compareLabel}]`) : []),
    ];
    for (const t of targets) {
      const answer = await fetch(t.url, { headers: t.headers });
      if (!answer.ok) throw new Error(`${t.label}: ${t.url} answered ${answer.status}`);
    }
    // Warm-up: compiled routes, pools, JIT.
    for (const t of targets) await cannon(t.url, 10, 2, t.headers);
    for (const connections of [10, 50]) await alternate(targets, { connections, rounds: ROUNDS, seconds: SECONDS });
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpApiBench();
}
