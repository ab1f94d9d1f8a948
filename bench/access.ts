// The access check under CPU contention: `assertCan(grantee, "read", folder)` and
// `getEffectiveRole` for a grantee whose viewer grant sits on the top folder of a chain of
// BENCH_ACCESS_DEPTH folders (default 8), checked on the deepest one (the cascade), while the
// grantee also belongs to BENCH_ACCESS_WORKSPACES other workspaces (default 3, B2B grants reach
// them) and the workspace holds BENCH_ACCESS_NOISE other grants (default 20,000 pending e-mail
// grants on its folders), among BENCH_ACCESS_OTHER_WORKSPACES workspaces of other people (default 5,000: a check
// that scans the workspace table pays for every one of them). On SQLite, in this process, as a page or route would call it.
// Alternating for BENCH_ACCESS_ROUNDS rounds (default 3): BENCH_ACCESS_RUNS checks (default 2,000)
// alone, then the same with one CPU-bound child process (a busy loop) running beside them;
// p50 and p99 per series, the load average. The target: p99 < 5 ms with the busy process.
// Run alone: `BENCH_ONLY=access npm run bench`.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Resource, assertCan, getEffectiveRole } from "@/lib/access";
import { createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { createFolder } from "@/lib/files/create-folder";
import { getRootFolder } from "@/lib/files/root-folder";
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { loadAverage, median, spread } from "./http-harness";
import { measure, ms } from "./stats";
import { envNumber } from "./env";

const DEPTH = envNumber("BENCH_ACCESS_DEPTH", 8);
const WORKSPACES = envNumber("BENCH_ACCESS_WORKSPACES", 3);
const NOISE = envNumber("BENCH_ACCESS_NOISE", 20_000);
const RUNS = envNumber("BENCH_ACCESS_RUNS", 2_000);
const OTHER_WORKSPACES = envNumber("BENCH_ACCESS_OTHER_WORKSPACES", 5_000);
const ROUNDS = envNumber("BENCH_ACCESS_ROUNDS", 3);

/** One CPU-bound process beside the benchmark (a busy loop in another Node), until stopped. */
function busyProcess(): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  return {
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export async function runAccessBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-access-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  setDb(db);
  try {
    const owner = await createUser({ email: "owner@example.com", username: "owner" });
    const grantee = await createUser({ email: "grantee@example.com", username: "grantee" });
    const workspace = await db.workspace.create({ data: { ownerId: owner.id, slug: "data", name: "Data" } });
    for (let i = 0; i < WORKSPACES; i++) {
      const other = await db.workspace.create({ data: { ownerId: owner.id, slug: `partner-${i}`, name: `P${i}` } });
      await db.membership.create({ data: { workspaceId: other.id, userId: grantee.id, role: "member" } });
    }
    for (let start = 0; start < OTHER_WORKSPACES; start += 1_000) {
      const people = Array.from(
        { length: Math.min(1_000, OTHER_WORKSPACES - start) },
        (_, k) => `someone-else-${start + k}`,
      );
      await db.user.createMany({
        data: people.map((name) => ({ id: name, email: `${name}@example.net`, username: name })),
      });
      await db.workspace.createMany({ data: people.map((name) => ({ ownerId: name, slug: "home", name: "Home" })) });
    }
    let parentId = (await getRootFolder(workspace.id)).id;
    const chain: string[] = [];
    for (let i = 0; i < DEPTH; i++) {
      parentId = (await createFolder(owner, { parentId, name: `level-${i}` })).id;
      chain.push(parentId);
    }
    await shareResource(owner, "folder", chain[0]!, { grantees: ["grantee"], role: "viewer" });
    for (let start = 0; start < NOISE; start += 5_000) {
      await db.share.createMany({
        data: Array.from({ length: Math.min(5_000, NOISE - start) }, (_, k) => {
          const email = `someone-${start + k}@example.org`;
          return {
            workspaceId: workspace.id,
            resourceType: "folder" as const,
            resourceId: chain[(start + k) % chain.length]!,
            granteeType: "email" as const,
            granteeEmail: email,
            granteeKey: `email:${email}`,
            role: "viewer" as const,
            createdById: owner.id,
          };
        }),
      });
    }
    const deepest: Resource = {
      type: "folder",
      id: chain.at(-1)!,
      workspaceId: workspace.id,
      workspaceOwnerId: owner.id,
      ancestorFolderIds: chain.slice(0, -1),
    };
    if ((await assertCan(grantee, "read", deepest)) !== "viewer") throw new Error("the grantee should read the folder");
    console.log(
      `access: folder depth ${DEPTH}, grantee in ${WORKSPACES} other workspaces, ${NOISE.toLocaleString("en-US")} other grants, ${OTHER_WORKSPACES.toLocaleString("en-US")} other people's workspaces; ${ROUNDS} rounds of ${RUNS} checks; ${os.cpus().length} cores; load before ${loadAverage()}`,
    );
    const p99s: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const alone = await measure(RUNS, () => assertCan(grantee, "read", deepest));
      const busy = busyProcess();
      try {
        await new Promise((r) => setTimeout(r, 200)); // the busy loop is running before the series starts
        const contended = await measure(RUNS, () => assertCan(grantee, "read", deepest));
        const role = await measure(RUNS, () => getEffectiveRole(grantee, deepest));
        p99s.push(contended.p99);
        console.log(
          `  round ${round + 1}: assertCan alone p50 ${ms(alone.median)} p99 ${ms(alone.p99)}; beside a busy process p50 ${ms(contended.median)} p99 ${ms(contended.p99)}; getEffectiveRole beside it p50 ${ms(role.median)} p99 ${ms(role.p99)}; load ${loadAverage()}`,
        );
      } finally {
        await busy.stop();
      }
    }
    console.log(
      `access check beside one CPU-bound process: p99 median ${ms(median(p99s))} (${spread(p99s, 2)} ms), load ${loadAverage()}`,
    );
  } finally {
    await db.$disconnect();
    setDb(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runAccessBench();
}
