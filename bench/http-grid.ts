// The data grid's page read through HTTP against DuckDB alone, at each of BENCH_GRID_SIZES rows
// (default 1,000,000 and 10,000,000; BENCH_GRID_ROWS=n runs one size): the grid's own request
// (`GET /api/datasets/{id}/rows?query=…`, the signed-in owner's session cookie; 50 rows sorted by
// temperature and filtered on one site, plus an upper temperature bound that moves down per request, so that no
// request repeats an earlier one and its page holds other rows: neither the page cache, nor the count cache, nor the
// cache of rows fetched by row number answers) through the production
// server, and the same SQL run by DuckDB alone in this process (node DuckDB API, a fresh in-memory
// DuckDB on the dataset version's own Parquet file: a view over it, a prepared statement, the same
// SQL the app runs for a new filter's sorted page and its total). One request at a time, alternating HTTP and DuckDB series of
// BENCH_GRID_RUNS requests (default 30) for BENCH_GRID_ROUNDS rounds (default 3): medians and p99
// per round, the ratio HTTP / DuckDB, the load average; then the p50 at each size, how it grows
// from the smallest size to the largest, and whether it meets the target (p50 < 150 ms at 10M).
// The server runs on BENCH_PORT_BASE + 2 (default 3212). Run alone: `BENCH_ONLY=http-grid npm run bench`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type DuckDBConnection, DuckDBInstance, type Json } from "@duckdb/node-api";
import type { DatasetQuery } from "@/lib/catalog/query-schema";
import { buildQuery, rowsByNumberSql } from "@/lib/catalog/query-sql";
import type { Column } from "@/lib/catalog/types";
import {
  SITES,
  type Server,
  createBenchWorld,
  hasBuild,
  loadAverage,
  median,
  processCpuSeconds,
  spread,
  startApp,
} from "./http-harness";
import { measure, ms } from "./stats";
import { envNumber, envNumbers } from "./env";

const ONE_SIZE = envNumber(["BENCH_GRID_ROWS", "BENCH_HTTP_ROWS"], 0);
const SIZES = ONE_SIZE ? [ONE_SIZE] : envNumbers("BENCH_GRID_SIZES", [1_000_000, 10_000_000]);
const TARGET_MS = 150;
const RUNS = envNumber("BENCH_GRID_RUNS", 30);
const ROUNDS = envNumber(["BENCH_GRID_ROUNDS", "BENCH_HTTP_ROUNDS"], 3);

const site = (i: number) => SITES[i % SITES.length]!;
/**
 * An upper temperature bound new for every request, 0.01 °C lower each time (the data's temperatures run from -10 to
 * 40 in steps of 0.01, about 250 rows per step and site at 10M rows): the filter keeps about an eighth of the rows
 * (the site), and the 50 warmest of them, the page, are other rows than any earlier request's. (A bound below every
 * value made each request a new query but the same page: its rows then came from the cache of rows by row number.)
 */
const maxTemperature = (i: number) => 40 - i / 100;
/** Requests asked so far, by either side: each one gets filter values never asked before. */
let asked = 0;

/** The grid's query of request `i`, as the grid sends it. */
const gridQuery = (i: number): DatasetQuery => ({
  limit: 50,
  offset: 0,
  sort: [{ column: "temperature", direction: "desc" }],
  filters: [
    { column: "site", op: "eq", value: site(i) },
    { column: "temperature", op: "range", max: maxTemperature(i) },
  ],
});

/**
 * DuckDB alone: the SQL the app runs for the grid's page of a new filter (lib/catalog/query-sql.ts: the row numbers
 * and the total in one scan, then the page's rows by row number), on the dataset version's own Parquet file, with no
 * server, session, access check or JSON around it.
 */
async function duckdbAlone(parquet: string): Promise<{ page: () => Promise<unknown>; close(): void }> {
  const instance = await DuckDBInstance.create(":memory:");
  const db: DuckDBConnection = await instance.connect();
  await db.run(`CREATE VIEW data AS SELECT * FROM read_parquet('${parquet}', file_row_number = true)`);
  const schema: Column[] = (await db.runAndReadAll("DESCRIBE data"))
    .getRowsJson()
    .flatMap(([name, type]) => (name === "file_row_number" ? [] : [{ name: String(name), type: String(type) }]));
  const shape = buildQuery(schema, gridQuery(0), { rowNumber: true });
  const keys = await db.prepare(shape.pageKeysAndCountSql!);
  return {
    async page() {
      const built = buildQuery(schema, gridQuery(asked++), { rowNumber: true });
      keys.bind(built.params);
      const [numbers] = (await keys.runAndReadAll()).getRowsJson()[0] as [Json[], Json];
      return (await db.runAndReadAll(rowsByNumberSql(built.columns, numbers.map(String)))).getRowsJson();
    },
    close() {
      db.closeSync();
      instance.closeSync();
    },
  };
}

type SizeFigures = { rows: number; http: number; alone: number };

/** The grid's page at one size: rounds of HTTP and DuckDB-alone series; the medians over the rounds. */
async function benchSize(rows: number): Promise<SizeFigures> {
  const world = await createBenchWorld(rows);
  let app: Server | undefined;
  const duck = await duckdbAlone(world.storedParquet);
  try {
    const cookie = { Cookie: world.sessionCookie };
    const url = (i: number) =>
      `/api/datasets/${world.datasetId}/rows?query=${encodeURIComponent(JSON.stringify(gridQuery(i)))}`;
    app = await startApp(world, 2, { path: url(0), headers: cookie });
    console.log(
      `http-grid: ${rows.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${RUNS} requests each way; load before ${loadAverage()}`,
    );
    const ratios: number[] = [];
    const httpMedians: number[] = [];
    const aloneMedians: number[] = [];
    // CPU time per page (all threads): on a shared machine the wall time follows the load, the CPU time much less.
    const httpCpus: number[] = [];
    const aloneCpus: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const serverCpu = processCpuSeconds(app.pid);
      let pages = 0;
      const http = await measure(RUNS, async () => {
        pages++;
        const answer = await fetch(`${app!.url}${url(asked++)}`, { headers: cookie });
        if (!answer.ok) throw new Error(`the grid page answered ${answer.status}: ${await answer.text()}`);
        const body = (await answer.json()) as { rows: unknown[] };
        if (body.rows.length !== 50) throw new Error(`the grid page had ${body.rows.length} rows, not 50`);
      });
      const httpCpu = ((processCpuSeconds(app.pid) - serverCpu) * 1000) / pages;
      pages = 0;
      const ownCpu = process.cpuUsage();
      const alone = await measure(RUNS, () => {
        pages++;
        return duck.page();
      });
      const used = process.cpuUsage(ownCpu);
      const aloneCpu = (used.user + used.system) / 1000 / pages;
      httpCpus.push(httpCpu);
      aloneCpus.push(aloneCpu);
      httpMedians.push(http.median);
      aloneMedians.push(alone.median);
      ratios.push(http.median / alone.median);
      console.log(
        `  round ${round + 1}: HTTP median ${ms(http.median)} (p99 ${ms(http.p99)}), DuckDB alone median ${ms(alone.median)} (p99 ${ms(alone.p99)}), ratio ${ratios.at(-1)!.toFixed(2)}×; CPU per page: server ${ms(httpCpu)}, DuckDB alone ${ms(aloneCpu)}; load ${loadAverage()}`,
      );
    }
    console.log(
      `grid page at ${rows.toLocaleString("en-US")} rows, 50 rows sorted and filtered, HTTP / DuckDB alone: median ${median(ratios).toFixed(2)}× (${spread(ratios, 2)}), load ${loadAverage()}`,
    );
    console.log(
      `grid page at ${rows.toLocaleString("en-US")} rows, CPU per page (all threads): server ${ms(median(httpCpus))} (${spread(httpCpus, 1)}), DuckDB alone ${ms(median(aloneCpus))} (${spread(aloneCpus, 1)})`,
    );
    return { rows, http: median(httpMedians), alone: median(aloneMedians) };
  } finally {
    duck.close();
    await app?.stop();
    await world.close();
  }
}

export async function runHttpGridBench(): Promise<void> {
  if (!hasBuild("http-grid")) return;
  const figures: SizeFigures[] = [];
  for (const rows of SIZES) figures.push(await benchSize(rows));
  for (const f of figures)
    console.log(
      `grid page p50 at ${f.rows.toLocaleString("en-US")} rows: HTTP ${ms(f.http)}, DuckDB alone ${ms(f.alone)}`,
    );
  const [small, large] = [figures[0]!, figures.at(-1)!];
  if (large !== small) {
    const factor = large.rows / small.rows;
    console.log(
      `grid page growth ${small.rows.toLocaleString("en-US")} → ${large.rows.toLocaleString("en-US")} rows (${factor.toFixed(0)}× the rows): HTTP p50 ×${(large.http / small.http).toFixed(2)}, DuckDB alone ×${(large.alone / small.alone).toFixed(2)}`,
    );
  }
  if (large.rows >= 10_000_000)
    console.log(
      `grid page target p50 < ${TARGET_MS} ms at ${large.rows.toLocaleString("en-US")} rows: ${large.http < TARGET_MS ? "met" : "NOT met"} (${ms(large.http)}), load ${loadAverage()}`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpGridBench();
}
