// Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and
// the share of time per package (node_modules/<name>) or area of this project.
// `npx tsx bench/cpu-profile-top.ts PROFILE.cpuprofile [TOP=30]`
import fs from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, top = "30"] = process.argv.slice(2);
if (!file) throw new Error("usage: cpu-profile-top.ts PROFILE.cpuprofile [TOP]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes("/.next")) return /\/(chunks|app)\//.test(url) ? "app bundle (.next)" : ".next other";
  if (url.startsWith("node:")) return "node core";
  return url ? url.replace(/^.*\/(lib|app|components)\//, "$1/") : "(native / GC / idle)";
}

const functions = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || "(anonymous)"}  ${area(url)}${url && !url.includes("node_modules") ? `:${lineNumber + 1}` : ""}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  areas.set(area(url) || functionName, (areas.get(area(url) || functionName) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`${(total / 1000).toFixed(0)} ms sampled\n\nself time by area:`);
for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(us)}  ${name}`);
console.log("\ntop functions by self time:");
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`${pct(us)}  ${name}`);
