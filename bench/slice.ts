// The grid's page for a slice's reader against the owner's same filtered page, through HTTP
// (issue 19: within 1.3×). At BENCH_SLICE_ROWS rows (default 10,000,000; smaller for a quick run)
// the owner shares the readings with a second user limited to `site = north` without the
// `humidity` column; the reader asks the grid's own request (`GET /api/datasets/{id}/rows`, their
// session cookie) for 50 rows sorted by temperature and filtered on a pressure bound that moves
// with every request (so the page cache answers none); the owner asks the same page with the slice's filter and columns written into the query.
// One request at a time, alternating series of BENCH_SLICE_RUNS requests (default 30) for
// BENCH_SLICE_ROUNDS rounds (default 3): medians and p99 per round, the ratio reader / owner and
// the load average, then the median ratio and whether it meets the target. The server runs on
// BENCH_PORT_BASE + 3 (default 3213). Run alone: `BENCH_ONLY=slice npm run bench`.
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { envNumber } from "./env";
import {
  type Server,
  createBenchWorld,
  createSession,
  hasBuild,
  loadAverage,
  median,
  spread,
  startApp,
} from "./http-harness";
import { measure, ms } from "./stats";

const ROWS = envNumber("BENCH_SLICE_ROWS", 10_000_000);
const RUNS = envNumber("BENCH_SLICE_RUNS", 30);
const ROUNDS = envNumber("BENCH_SLICE_ROUNDS", 3);
const TARGET_RATIO = 1.3;

const SLICE_COLUMNS = ["id", "recorded_at", "site", "sensor", "temperature", "pressure", "status"];
const SITE = { column: "site", op: "eq" as const, value: "north" };
// Every request asks a page never asked before (the pressure bound moves each time), so the page
// cache (lib/catalog/duckdb/page-cache.ts) answers none of them and DuckDB's work is measured.
let asked = 0;
const fresh = () => ({ column: "pressure", op: "range" as const, min: 980 + (asked++ % 50_000) * 0.001 });

const pageUrl = (datasetId: string, query: object) =>
  `/api/datasets/${datasetId}/rows?query=${encodeURIComponent(JSON.stringify(query))}`;
const sort = [{ column: "temperature", direction: "desc" }];

export async function runSliceBench(): Promise<void> {
  if (!hasBuild("slice")) return;
  const world = await createBenchWorld(ROWS);
  let app: Server | undefined;
  try {
    const reader = await createUser({ email: "reader@example.com", username: "reader" });
    await shareResource(world.owner, "dataset", world.datasetId, {
      grantees: [reader.username!],
      role: "viewer",
      scope: { rows: [SITE], columns: SLICE_COLUMNS },
    });
    const readerCookie = { Cookie: await createSession(world.db, reader.id) };
    const ownerCookie = { Cookie: world.sessionCookie };
    const readerUrl = (filter = fresh()) => pageUrl(world.datasetId, { limit: 50, sort, filters: [filter] });
    const ownerUrl = (filter = fresh()) =>
      pageUrl(world.datasetId, { limit: 50, sort, columns: SLICE_COLUMNS, filters: [SITE, filter] });
    app = await startApp(world, 3, { path: readerUrl(), headers: readerCookie });
    const page = async (url: string, headers: Record<string, string>) => {
      const answer = await fetch(`${app!.url}${url}`, { headers });
      if (!answer.ok) throw new Error(`the grid page answered ${answer.status}: ${await answer.text()}`);
      const body = (await answer.json()) as { rows: unknown[][]; columns: { name: string }[] };
      if (body.rows.length !== 50) throw new Error(`the grid page had ${body.rows.length} rows, not 50`);
      if (body.columns.length !== SLICE_COLUMNS.length) throw new Error("the page did not have the slice's columns");
      return body;
    };
    // the two pages are the same rows: the reader's slice is the owner's filter
    const same = fresh();
    const [mine, theirs] = [await page(ownerUrl(same), ownerCookie), await page(readerUrl(same), readerCookie)];
    if (JSON.stringify(mine.rows) !== JSON.stringify(theirs.rows))
      throw new Error("the slice's page differs from the owner's filtered page");
    console.log(
      `slice: ${ROWS.toLocaleString("en-US")} rows; ${ROUNDS} rounds of ${RUNS} requests each way; load before ${loadAverage()}`,
    );
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const scoped = await measure(RUNS, () => page(readerUrl(), readerCookie));
      const owner = await measure(RUNS, () => page(ownerUrl(), ownerCookie));
      ratios.push(scoped.median / owner.median);
      console.log(
        `  round ${round + 1}: slice's reader median ${ms(scoped.median)} (p99 ${ms(scoped.p99)}), owner median ${ms(owner.median)} (p99 ${ms(owner.p99)}), ratio ${ratios.at(-1)!.toFixed(2)}×, load ${loadAverage()}`,
      );
    }
    const ratio = median(ratios);
    console.log(
      `slice grid page at ${ROWS.toLocaleString("en-US")} rows, reader / owner's same filtered page: median ${ratio.toFixed(2)}× (${spread(ratios, 2)}), target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? "met" : "NOT met"}, load ${loadAverage()}`,
    );
  } finally {
    await app?.stop();
    await world.close();
  }
}
