// The grid's page for a slice's reader against the owner's same filtered page, through HTTP
// (issue 19: within 1.3×), with DuckDB alone on the same query as the reference.
//
// At BENCH_SLICE_ROWS rows (default 10,000,000; smaller for a quick run) the owner shares the
// readings with a second user limited to `site = north` without the `humidity` column. The reader
// asks the grid's own request (`GET /api/datasets/{id}/rows`, their session cookie) for 50 rows
// sorted by temperature and filtered on a pressure bound; the owner asks the same page with the
// slice's filter and columns written into the query. DuckDB alone runs that same filtered query
// in this process on the same Parquet file (a plain in-memory DuckDB, a view with row numbers,
// prepared statements): the page's row numbers, the page's rows and the matching-row count, the
// work the app does per request.
//
// Method:
// - Every timed request asks a page never asked before, by either side: the pressure bound moves
//   with each request (one counter shared by all sides), so neither the page cache nor the count
//   cache answers and DuckDB's work is measured.
// - Warm-up, the same for both sides: the server starts on a probe that opens no dataset pool
//   (the versions list); then each side's first page is timed apart and printed as "first page"
//   (it opens that side's sandboxed DuckDB: the pool for the whole file or for the slice); then
//   one untimed fresh page each. No other warm-up.
// - BENCH_SLICE_ROUNDS rounds (default 3, never fewer than 3) of BENCH_SLICE_RUNS requests per
//   side (default 30), one request at a time, interleaved: reader, owner, DuckDB alone, with the
//   side going first rotating from one request to the next, so a change of load hits all alike.
// - Per round: each side's median and range, the ratio reader / owner, the load average. Then
//   the median of the round ratios with their range, the ratio of all the reader's requests'
//   median to all the owner's, and whether the target is met.
// - Diagnostics: the same page asked again (both caches answer, DuckDB does almost nothing), so
//   the reader / owner difference is the app's own per-request work (sessions, grant and scope
//   checks, which are read on every request and never cached).
//
// The server runs on BENCH_PORT_BASE + 9 (default 3219). Run alone: `BENCH_ONLY=slice npm run bench`.
import { type DuckDBConnection, DuckDBInstance, type DuckDBPreparedStatement } from "@duckdb/node-api";
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { envNumber } from "./env";
import { type Server, createBenchWorld, createSession, hasBuild, loadAverage, median, startApp } from "./http-harness";

const ROWS = envNumber("BENCH_SLICE_ROWS", 10_000_000);
const RUNS = Math.max(1, envNumber("BENCH_SLICE_RUNS", 30));
const MIN_ROUNDS = 3;
const ROUNDS = Math.max(MIN_ROUNDS, envNumber("BENCH_SLICE_ROUNDS", 3));
const PORT_OFFSET = 9;
const TARGET_RATIO = 1.3;
const PAGE = 50;

const SLICE_COLUMNS = ["id", "recorded_at", "site", "sensor", "temperature", "pressure", "status"];
const SITE = { column: "site", op: "eq" as const, value: "north" };
const sort = [{ column: "temperature", direction: "desc" }];

// Pressure is 980–1040 in steps of 0.1; a bound moving by 0.0001 asks a new page every time while
// keeping the selectivity (and so the work) the same for every request of every side.
let asked = 0;
const freshBound = () => 980 + (asked++ % 100_000) * 0.0001;

const pageUrl = (datasetId: string, query: object) =>
  `/api/datasets/${datasetId}/rows?query=${encodeURIComponent(JSON.stringify(query))}`;

/** Sorted times of `runs` calls, in milliseconds. */
async function series(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const fmt = (v: number) => `${v.toFixed(0)} ms`;
const summary = (times: number[]) => `${fmt(median(times))} (${times[0]!.toFixed(0)}–${times.at(-1)!.toFixed(0)})`;

/** DuckDB alone: the owner's filtered page as the app runs it (row numbers, then those rows, and the count). */
async function duckdbAlone(parquet: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const db: DuckDBConnection = await instance.connect();
  await db.run(`CREATE VIEW data AS SELECT * FROM read_parquet('${parquet}', file_row_number = true)`);
  const where = `WHERE (site = $1) AND (pressure >= CAST($2 AS DOUBLE))`;
  const keys: DuckDBPreparedStatement = await db.prepare(
    `SELECT file_row_number FROM data ${where} ORDER BY temperature DESC NULLS LAST, file_row_number LIMIT ${PAGE} OFFSET 0`,
  );
  const count = await db.prepare(`SELECT count(*) FROM data ${where}`);
  return {
    async page(bound: number) {
      keys.bind([SITE.value, String(bound)]);
      const numbers = (await keys.runAndReadAll()).getRowsJson().map((r) => String(r[0]));
      const rows = await db.runAndReadAll(
        `SELECT ${SLICE_COLUMNS.join(", ")}, file_row_number FROM data WHERE file_row_number IN (${numbers.join(", ")})`,
      );
      count.bind([SITE.value, String(bound)]);
      await count.runAndReadAll();
      if (rows.currentRowCount !== PAGE) throw new Error(`DuckDB alone read ${rows.currentRowCount} rows, not ${PAGE}`);
    },
    close() {
      db.closeSync();
      instance.closeSync();
    },
  };
}

export async function runSliceBench(): Promise<void> {
  if (!hasBuild("slice")) return;
  const world = await createBenchWorld(ROWS);
  let app: Server | undefined;
  const duck = await duckdbAlone(world.parquet);
  try {
    const reader = await createUser({ email: "reader@example.com", username: "reader" });
    await shareResource(world.owner, "dataset", world.datasetId, {
      grantees: [reader.username!],
      role: "viewer",
      scope: { rows: [SITE], columns: SLICE_COLUMNS },
    });
    const readerCookie = { Cookie: await createSession(world.db, reader.id) };
    const ownerCookie = { Cookie: world.sessionCookie };
    const pressure = (min: number) => ({ column: "pressure", op: "range" as const, min });
    const readerUrl = (min: number) => pageUrl(world.datasetId, { limit: PAGE, sort, filters: [pressure(min)] });
    const ownerUrl = (min: number) =>
      pageUrl(world.datasetId, { limit: PAGE, sort, columns: SLICE_COLUMNS, filters: [SITE, pressure(min)] });
    app = await startApp(world, PORT_OFFSET, {
      path: `/api/datasets/${world.datasetId}/versions`,
      headers: ownerCookie,
    });
    const page = async (url: string, headers: Record<string, string>) => {
      const answer = await fetch(`${app!.url}${url}`, { headers });
      if (!answer.ok) throw new Error(`the grid page answered ${answer.status}: ${await answer.text()}`);
      const body = (await answer.json()) as { rows: unknown[][]; columns: { name: string }[]; total: number };
      if (body.rows.length !== PAGE) throw new Error(`the grid page had ${body.rows.length} rows, not ${PAGE}`);
      if (body.columns.length !== SLICE_COLUMNS.length) throw new Error("the page did not have the slice's columns");
      return body;
    };
    const sides = {
      reader: () => page(readerUrl(freshBound()), readerCookie),
      owner: () => page(ownerUrl(freshBound()), ownerCookie),
      duckdb: () => duck.page(freshBound()),
    };

    console.log(
      `slice: ${ROWS.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${RUNS} fresh pages per side; load before ${loadAverage()}`,
    );
    // The rows route's code is loaded by a request that opens no pool (an unknown dataset: 404), so
    // neither side's first page pays for it; then first pages: each opens its side's DuckDB pool
    // (timed apart), then one untimed page each.
    const unknown = await fetch(`${app.url}${pageUrl("no-such-dataset", { limit: PAGE })}`, { headers: ownerCookie });
    if (unknown.status !== 404) throw new Error(`an unknown dataset answered ${unknown.status}, not 404`);
    const firstOwner = await series(1, sides.owner);
    const firstReader = await series(1, sides.reader);
    console.log(
      `  first page (opens the pool; owner first): owner ${fmt(firstOwner[0]!)}, reader ${fmt(firstReader[0]!)}; load ${loadAverage()}`,
    );
    await sides.reader();
    await sides.owner();
    await duck.page(freshBound());
    // The two pages are the same rows: the reader's slice is the owner's filter.
    const same = freshBound();
    const [mine, theirs] = [await page(ownerUrl(same), ownerCookie), await page(readerUrl(same), readerCookie)];
    if (JSON.stringify(mine.rows) !== JSON.stringify(theirs.rows) || mine.total !== theirs.total)
      throw new Error("the slice's page differs from the owner's filtered page");

    const all = { reader: [] as number[], owner: [] as number[], duckdb: [] as number[] };
    const ratios: number[] = [];
    const names = ["reader", "owner", "duckdb"] as const;
    for (let round = 0; round < ROUNDS; round++) {
      (globalThis as { gc?: () => void }).gc?.();
      const times = { reader: [] as number[], owner: [] as number[], duckdb: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        // Request by request the sides take turns going first, so a burst of load hits them alike.
        for (let k = 0; k < names.length; k++) {
          const side = names[(i + round + k) % names.length]!;
          const start = performance.now();
          await sides[side]();
          times[side].push(performance.now() - start);
        }
      }
      for (const side of names) {
        times[side].sort((a, b) => a - b);
        all[side].push(...times[side]);
      }
      ratios.push(median(times.reader) / median(times.owner));
      console.log(
        `  round ${round + 1}: reader ${summary(times.reader)}, owner ${summary(times.owner)}, ` +
          `DuckDB alone ${summary(times.duckdb)}; reader / owner ${ratios.at(-1)!.toFixed(2)}×; load ${loadAverage()}`,
      );
    }

    // The app's own work per request: the same page again, answered by the page and count caches.
    const cachedReader: number[] = [];
    const cachedOwner: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      cachedReader.push(...(await series(1, () => page(readerUrl(same), readerCookie))));
      cachedOwner.push(...(await series(1, () => page(ownerUrl(same), ownerCookie))));
    }
    cachedReader.sort((a, b) => a - b);
    cachedOwner.sort((a, b) => a - b);
    console.log(
      `  same page again (caches answer; the app's own work): reader ${summary(cachedReader)}, owner ${summary(cachedOwner)}; load ${loadAverage()}`,
    );

    const ratio = median(ratios);
    const overall = median(all.reader) / median(all.owner);
    console.log(
      `slice grid page at ${ROWS.toLocaleString("en-US")} rows, median of ${ROUNDS * RUNS} fresh pages each: ` +
        `reader ${fmt(median(all.reader))}, owner ${fmt(median(all.owner))}, DuckDB alone ${fmt(median(all.duckdb))}`,
    );
    console.log(
      `slice reader / owner's same filtered page: per round ${ratios.map((r) => r.toFixed(2)).join(", ")} ` +
        `(median ${ratio.toFixed(2)}×), overall ${overall.toFixed(2)}×; target ≤ ${TARGET_RATIO}× in every round: ` +
        `${Math.max(...ratios) <= TARGET_RATIO ? "met" : "NOT met"}; load ${loadAverage()}`,
    );
  } finally {
    duck.close();
    await app?.stop();
    await world.close();
  }
}
