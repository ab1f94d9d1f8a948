// The SQL console's GROUP BY through HTTP against DuckDB alone, on a BENCH_SQL_ROWS-row dataset
// (default 10,000,000): `POST /api/v1/query` with a bearer token (parse check, access check, a
// fresh sandbox with the dataset as a view, the first page of the result) through the production
// server, and the same SQL run by DuckDB alone in this process on the same Parquet file the
// dataset was made from (a view over it in a long-lived in-memory DuckDB). One request at a time,
// alternating series of BENCH_SQL_RUNS requests (default 10) for BENCH_SQL_ROUNDS rounds (default
// 3): medians per round, the ratio HTTP / DuckDB (target: within 2×) and the load average.
// The server runs on BENCH_PORT_BASE + 8 (default 3218). Run alone: `BENCH_ONLY=sql-console npm run bench`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { type Server, createBenchWorld, hasBuild, loadAverage, median, spread, startApp } from "./http-harness";
import { measure, ms } from "./stats";
import { envNumber } from "./env";

const ROWS = envNumber("BENCH_SQL_ROWS", 10_000_000);
const RUNS = envNumber("BENCH_SQL_RUNS", 10);
const ROUNDS = envNumber("BENCH_SQL_ROUNDS", 3);

const groupBy = (table: string) =>
  `SELECT site, count(*) AS n, avg(temperature) AS mean, max(pressure) AS top FROM ${table} GROUP BY site ORDER BY site`;

export async function runSqlConsoleBench(): Promise<void> {
  if (!hasBuild("sql-console")) return;
  const world = await createBenchWorld(ROWS);
  let app: Server | undefined;
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  try {
    await duck.run(`CREATE VIEW readings AS SELECT * FROM read_parquet('${world.parquet.replaceAll("'", "''")}')`);
    const auth = { Authorization: `Bearer ${world.token}`, "Content-Type": "application/json" };
    const body = JSON.stringify({ sql: groupBy('"bench/bench/readings"'), limit: 100 });
    const expected = (await duck.runAndReadAll(groupBy("readings"))).getRowsJson().length;
    app = await startApp(world, 8, { path: "/api/v1/workspaces", headers: auth });
    console.log(
      `sql-console: GROUP BY over ${ROWS.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${RUNS} queries each way; load before ${loadAverage()}`,
    );
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const http = await measure(RUNS, async () => {
        const answer = await fetch(`${app!.url}/api/v1/query`, { method: "POST", headers: auth, body });
        if (!answer.ok) throw new Error(`the console answered ${answer.status}: ${await answer.text()}`);
        const result = (await answer.json()) as { rows: unknown[] };
        if (result.rows.length !== expected)
          throw new Error(`the console gave ${result.rows.length} groups, not ${expected}`);
      });
      const alone = await measure(RUNS, async () => (await duck.runAndReadAll(groupBy("readings"))).getRowsJson());
      ratios.push(http.median / alone.median);
      console.log(
        `  round ${round + 1}: HTTP median ${ms(http.median)} (p99 ${ms(http.p99)}), DuckDB alone median ${ms(alone.median)} (p99 ${ms(alone.p99)}), ratio ${ratios.at(-1)!.toFixed(2)}×, load ${loadAverage()}`,
      );
    }
    console.log(
      `SQL console GROUP BY, HTTP / DuckDB alone: median ${median(ratios).toFixed(2)}× (${spread(ratios, 2)}; target ≤ 2×), load ${loadAverage()}`,
    );
  } finally {
    duck.closeSync();
    instance.closeSync();
    await app?.stop();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runSqlConsoleBench();
}
