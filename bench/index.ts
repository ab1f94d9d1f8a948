// `npm run bench`: every benchmark in turn, printing figures (nothing is asserted).
// BENCH_ONLY=sharing,files runs a subset; sizes can be lowered with each benchmark's
// environment variables (see README, "Benchmarks").
import { runFilesBench } from "./files";
import { runSharingBench } from "./sharing";

const benches: Record<string, () => Promise<void>> = { files: runFilesBench, sharing: runSharingBench };
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);

for (const [name, run] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  await run();
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
