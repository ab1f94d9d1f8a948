// `npm run bench`: every benchmark in turn, printing figures (nothing is asserted).
// BENCH_ONLY=catalog,files,ingest,sharing,load,http-api,http-grid,http-pages,http-floor,access runs a subset; sizes can be
// lowered with each benchmark's environment variables (see README, "Benchmarks"). The sharing benchmark adds a
// PostgreSQL column and the load benchmark runs at all only when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a PostgreSQL server; the load benchmark also needs a production build.
import { runAccessBench } from "./access";
import { runCatalogBench } from "./catalog";
import { runFilesBench } from "./files";
import { runHttpApiBench } from "./http-api";
import { runHttpFilesBench } from "./http-files";
import { runHttpFloorBench } from "./http-floor";
import { runHttpGridBench } from "./http-grid";
import { runHttpIngestBench } from "./http-ingest";
import { runHttpPagesBench } from "./http-pages";
import { runLoadBench } from "./load";
import { runProfileBench } from "./profile";
import { runSharingBench } from "./sharing";
import { runSliceBench } from "./slice";
import { runSqlConsoleBench } from "./sql-console";

const benches: Record<string, () => Promise<unknown>> = {
  catalog: runCatalogBench,
  // Through HTTP against a production build first (the figures of issue 15), then in process.
  files: async () => {
    await runHttpFilesBench();
    await runFilesBench();
  },
  // REST multipart ingest through HTTP against DuckDB alone (docs/files.md, "Benchmarks").
  ingest: runHttpIngestBench,
  sharing: runSharingBench,
  load: runLoadBench,
  "http-api": runHttpApiBench,
  "http-grid": runHttpGridBench,
  "http-pages": runHttpPagesBench,
  // Next.js alone (a page and a route reading nothing) against its static asset: the floor under the page and API targets.
  "http-floor": runHttpFloorBench,
  access: runAccessBench,
  "sql-console": runSqlConsoleBench,
  slice: runSliceBench, // a slice's reader's grid page against the owner's same filtered page (docs/sharing.md)
  profile: runProfileBench, // the column profile's share of ingest time (docs/catalog.md, "Column profile")
};
const only = process.env.BENCH_ONLY?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);

for (const [name, run] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  await run();
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
