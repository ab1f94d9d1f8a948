// The data grid's page read through HTTP against DuckDB alone, at each of BENCH_GRID_SIZES rows
// (default 1,000,000 and 10,000,000; BENCH_GRID_ROWS=n runs one size): the grid's own request
// (`GET /api/datasets/{id}/rows?query=…`, the signed-in owner's session cookie) for 50 rows sorted by temperature,
// in two shapes:
// - "one filter": filtered on one sensor (500 sensors: 1/500 of the rows), a sensor no earlier request asked for;
// - "two filters": filtered on one site (8 sites: 1/8 of the rows) and an upper temperature bound that moves down by
//   0.01 °C per request (about 1/8 of the rows, and the 50 warmest of them are other rows each time).
// No request repeats an earlier one and its page holds other rows: neither the page cache, nor the count cache, nor
// the cache of rows fetched by row number answers. Beside it, the same SQL run by DuckDB alone in this process (node
// DuckDB API, a fresh in-memory DuckDB on the dataset version's own Parquet file: a view over it, a prepared
// statement, the SQL the app runs for a new filter's sorted page and its total). One request at a time, alternating
// HTTP and DuckDB series of BENCH_GRID_RUNS requests (default 30) for BENCH_GRID_ROUNDS rounds (default 3): medians
// and p99 per round, the ratio HTTP / DuckDB, the CPU time per page, the load average; then the p50 at each size and
// shape, how it grows from the smallest size to the largest, and whether it meets the target (p50 < 150 ms at 10M).
// The server runs on BENCH_PORT_BASE + 2 (default 3212). Run alone: `BENCH_ONLY=http-grid npm run bench`.
// BENCH_GRID_COMPARE_DIST=<build folder> (e.g. .next-base, a build of the branch point) starts a second server from
// that build on BENCH_PORT_BASE + 3, on the same database and file, and runs its HTTP series in every round beside
// this build's (labelled "compare"): old and new code under the same load in one run, each with its ratio to DuckDB
// alone of the same round. BENCH_GRID_COMPARE_ENV="NAME=value,..." does the same with settings of its own (e.g.
// DIRECT_ROUTES=0: this build with the grid's requests through Next's pipeline), alone or with a build folder.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type DuckDBConnection, DuckDBInstance, type Json } from "@duckdb/node-api";
import type { DatasetQuery } from "@/lib/catalog/query-schema";
import { buildQuery, rowsByNumberSql } from "@/lib/catalog/query-sql";
import type { Column } from "@/lib/catalog/types";
import {
  SITES,
  type BenchWorld,
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
import { envNumber, envNumbers, envPairs } from "./env";

const ONE_SIZE = envNumber(["BENCH_GRID_ROWS", "BENCH_HTTP_ROWS"], 0);
const SIZES = ONE_SIZE ? [ONE_SIZE] : envNumbers("BENCH_GRID_SIZES", [1_000_000, 10_000_000]);
const TARGET_MS = 150;
const RUNS = envNumber("BENCH_GRID_RUNS", 30);
const ROUNDS = envNumber(["BENCH_GRID_ROUNDS", "BENCH_HTTP_ROUNDS"], 3);

const COMPARE_ENV = {
  ...(process.env.BENCH_GRID_COMPARE_DIST ? { NEXT_DIST_DIR: process.env.BENCH_GRID_COMPARE_DIST } : {}),
  ...envPairs("BENCH_GRID_COMPARE_ENV"),
};
const COMPARE_LABEL = Object.entries(COMPARE_ENV)
  .map(([name, value]) => `${name}=${value}`)
  .join(",");

const site = (i: number) => SITES[i % SITES.length]!;
/**
 * An upper temperature bound new for every request, 0.01 °C lower each time (the data's temperatures run from -10 to
 * 40 in steps of 0.01, about 250 rows per step and site at 10M rows). (A bound below every value made each request a
 * new query but the same page: its rows then came from the cache of rows by row number.)
 */
const maxTemperature = (i: number) => 40 - i / 100;
const SENSORS = 500;

type Shape = { name: string; query: (i: number) => DatasetQuery };
const sortedPage = (filters: DatasetQuery["filters"]): DatasetQuery => ({
  limit: 50,
  offset: 0,
  sort: [{ column: "temperature", direction: "desc" }],
  filters,
});
/** The grid's queries, as the grid sends them; request `i` of a size gets filter values no earlier request had. */
const SHAPES: Shape[] = [
  { name: "one filter", query: (i) => sortedPage([{ column: "sensor", op: "eq", value: `s-${i % SENSORS}` }]) },
  {
    name: "two filters",
    query: (i) =>
      sortedPage([
        { column: "site", op: "eq", value: site(i) },
        { column: "temperature", op: "range", max: maxTemperature(i) },
      ]),
  },
];

/**
 * DuckDB alone: the SQL the app runs for the grid's page of a new filter (lib/catalog/query-sql.ts: the row numbers
 * and the total in one scan, then the page's rows by row number), on the dataset version's own Parquet file, with no
 * server, session, access check or JSON around it.
 */
async function duckdbAlone(
  parquet: string,
  shape: Shape,
  next: () => number,
): Promise<{ page: () => Promise<unknown>; close(): void }> {
  const instance = await DuckDBInstance.create(":memory:");
  const db: DuckDBConnection = await instance.connect();
  await db.run(`CREATE VIEW data AS SELECT * FROM read_parquet('${parquet}', file_row_number = true)`);
  const schema: Column[] = (await db.runAndReadAll("DESCRIBE data"))
    .getRowsJson()
    .flatMap(([name, type]) => (name === "file_row_number" ? [] : [{ name: String(name), type: String(type) }]));
  const keys = await db.prepare(buildQuery(schema, shape.query(0), { rowNumber: true }).pageKeysAndCountSql!);
  return {
    async page() {
      const built = buildQuery(schema, shape.query(next()), { rowNumber: true });
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

type Figures = { rows: number; shape: string; http: number; alone: number; compare?: number };

/** One shape of the grid's page at one size: rounds of HTTP and DuckDB-alone series; the medians over the rounds. */
async function benchShape(
  world: BenchWorld,
  rows: number,
  app: Server,
  shape: Shape,
  compareApp?: Server,
): Promise<Figures> {
  let asked = 0;
  const next = () => {
    if (asked >= SENSORS) throw new Error(`more than ${SENSORS} requests: lower BENCH_GRID_RUNS or BENCH_GRID_ROUNDS`);
    return asked++;
  };
  const duck = await duckdbAlone(world.storedParquet, shape, next);
  try {
    const cookie = { Cookie: world.sessionCookie };
    const url = (i: number) =>
      `/api/datasets/${world.datasetId}/rows?query=${encodeURIComponent(JSON.stringify(shape.query(i)))}`;
    console.log(
      `http-grid: ${rows.toLocaleString("en-US")} rows, ${shape.name}; ${ROUNDS} rounds of ${RUNS} requests each way; load before ${loadAverage()}`,
    );
    const ratios: number[] = [];
    const httpMedians: number[] = [];
    const aloneMedians: number[] = [];
    // CPU time per page (all threads): on a shared machine the wall time follows the load, the CPU time much less.
    const httpCpus: number[] = [];
    const aloneCpus: number[] = [];
    const compareMedians: number[] = [];
    const compareRatios: number[] = [];
    const httpSeries = async (server: Server) => {
      const serverCpu = processCpuSeconds(server.pid);
      let pages = 0;
      const figure = await measure(RUNS, async () => {
        pages++;
        const answer = await fetch(`${server.url}${url(next())}`, { headers: cookie });
        if (!answer.ok) throw new Error(`the grid page answered ${answer.status}: ${await answer.text()}`);
        const body = (await answer.json()) as { rows: unknown[] };
        if (body.rows.length !== 50) throw new Error(`the grid page had ${body.rows.length} rows, not 50`);
      });
      return { figure, cpu: ((processCpuSeconds(server.pid) - serverCpu) * 1000) / pages };
    };
    for (let round = 0; round < ROUNDS; round++) {
      const compared = compareApp ? await httpSeries(compareApp) : undefined;
      const { figure: http, cpu: httpCpu } = await httpSeries(app);
      let pages = 0;
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
      if (compared) {
        compareMedians.push(compared.figure.median);
        compareRatios.push(compared.figure.median / alone.median);
        console.log(
          `  round ${round + 1} [compare: ${COMPARE_LABEL}]: HTTP median ${ms(compared.figure.median)} (p99 ${ms(compared.figure.p99)}), ratio ${compareRatios.at(-1)!.toFixed(2)}×; CPU per page: server ${ms(compared.cpu)}`,
        );
      }
      console.log(
        `  round ${round + 1}: HTTP median ${ms(http.median)} (p99 ${ms(http.p99)}), DuckDB alone median ${ms(alone.median)} (p99 ${ms(alone.p99)}), ratio ${ratios.at(-1)!.toFixed(2)}×; CPU per page: server ${ms(httpCpu)}, DuckDB alone ${ms(aloneCpu)}; load ${loadAverage()}`,
      );
    }
    const label = `grid page at ${rows.toLocaleString("en-US")} rows, ${shape.name}`;
    console.log(
      `${label}, HTTP / DuckDB alone: median ${median(ratios).toFixed(2)}× (${spread(ratios, 2)}), load ${loadAverage()}`,
    );
    console.log(
      `${label}, CPU per page (all threads): server ${ms(median(httpCpus))} (${spread(httpCpus, 1)}), DuckDB alone ${ms(median(aloneCpus))} (${spread(aloneCpus, 1)})`,
    );
    if (compareApp)
      console.log(
        `${label} [compare: ${COMPARE_LABEL}], HTTP / DuckDB alone: median ${median(compareRatios).toFixed(2)}× (${spread(compareRatios, 2)}); this build / compare per round: ${spread(
          httpMedians.map((h, i) => h / compareMedians[i]!),
          2,
        )}`,
      );
    return {
      rows,
      shape: shape.name,
      http: median(httpMedians),
      alone: median(aloneMedians),
      ...(compareApp ? { compare: median(compareMedians) } : {}),
    };
  } finally {
    duck.close();
  }
}

/** Every shape at one size, on one dataset and one server. */
async function benchSize(rows: number): Promise<Figures[]> {
  const world = await createBenchWorld(rows);
  let app: Server | undefined;
  let compareApp: Server | undefined;
  try {
    const first = `/api/datasets/${world.datasetId}/rows?query=${encodeURIComponent(JSON.stringify(SHAPES[0]!.query(SENSORS - 1)))}`;
    app = await startApp(world, 2, { path: first, headers: { Cookie: world.sessionCookie } });
    if (COMPARE_LABEL)
      compareApp = await startApp(world, 3, { path: first, headers: { Cookie: world.sessionCookie } }, COMPARE_ENV);
    const figures: Figures[] = [];
    for (const shape of SHAPES) figures.push(await benchShape(world, rows, app, shape, compareApp));
    return figures;
  } finally {
    await compareApp?.stop();
    await app?.stop();
    await world.close();
  }
}

export async function runHttpGridBench(): Promise<void> {
  if (!hasBuild("http-grid")) return;
  const figures: Figures[] = [];
  for (const rows of SIZES) figures.push(...(await benchSize(rows)));
  for (const f of figures)
    console.log(
      `grid page p50 at ${f.rows.toLocaleString("en-US")} rows, ${f.shape}: HTTP ${ms(f.http)}, DuckDB alone ${ms(f.alone)}${f.compare === undefined ? "" : `, compare build HTTP ${ms(f.compare)}`}`,
    );
  for (const shape of SHAPES) {
    const mine = figures.filter((f) => f.shape === shape.name);
    const [small, large] = [mine[0]!, mine.at(-1)!];
    if (large !== small) {
      const factor = large.rows / small.rows;
      console.log(
        `grid page growth ${small.rows.toLocaleString("en-US")} → ${large.rows.toLocaleString("en-US")} rows (${factor.toFixed(0)}× the rows), ${shape.name}: HTTP p50 ×${(large.http / small.http).toFixed(2)}, DuckDB alone ×${(large.alone / small.alone).toFixed(2)}`,
      );
    }
    if (large.rows >= 10_000_000)
      console.log(
        `grid page target p50 < ${TARGET_MS} ms at ${large.rows.toLocaleString("en-US")} rows, ${shape.name}: ${large.http < TARGET_MS ? "met" : "NOT met"} (${ms(large.http)}), load ${loadAverage()}`,
      );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpGridBench();
}
