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
const minutes = (s) => {
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s); // rounded before splitting, so 359.6 s reads "6 min 0 s", not "5 min 60 s"
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
};
console.log("\nnpm test, time per part:");
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(34)} ${minutes(seconds)}`);
console.log(`  ${"total".padEnd(34)} ${minutes(timings.reduce((sum, [, s]) => sum + s, 0))}`);
if (failed) {
  console.error(`\nnpm test: ${failed} failed`);
  process.exit(1);
}
