// `npm test`: every check in order, stopping at the first that fails, then how long each part took
// (the figures the README's Tests section quotes come from here).
import { spawnSync } from "node:child_process";

const parts = [
  ["typecheck", "npm run typecheck"],
  ["lint", "npm run lint"],
  ["format", "npm run format:check"],
  ["unit + integration (Vitest)", "npm run test:unit"],
  ["build + end-to-end (Playwright)", "npm run test:e2e"],
];

const timings = [];
let failed = null;
for (const [name, command] of parts) {
  const started = Date.now();
  const { status } = spawnSync(command, { stdio: "inherit", shell: true });
  timings.push([name, (Date.now() - started) / 1000]);
  if (status !== 0) {
    failed = name;
    break;
  }
}
const minutes = (s) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`);
console.log("\nnpm test, time per part:");
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(34)} ${minutes(seconds)}`);
console.log(`  ${"total".padEnd(34)} ${minutes(timings.reduce((sum, [, s]) => sum + s, 0))}`);
if (failed) {
  console.error(`\nnpm test: ${failed} failed`);
  process.exit(1);
}
