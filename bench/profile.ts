// What the column profile adds to an ingest (issue 17, "Profile at ingest adds < 30% to ingest time at 1M rows"),
// on a private SQLite database and data folder. Each round ingests the 10-column benchmark CSV (upload → Parquet →
// confirmed dataset, the profile computed and stored just after the confirmation answers, waited for here), then
// profiles the same new file again on its own, cold (its DuckDB closed first, as at ingest). Without the profile =
// the ingest less that step. Sizes: BENCH_PROFILE_ROWS (1,000,000), BENCH_PROFILE_ROUNDS (3). Run alone with
// `npx tsx --import ./scripts/server-only-hook.mjs bench/profile.ts`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Actor } from "@/lib/access";
import { closeDatasetDbs } from "@/lib/catalog/duckdb/dataset-db";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { profileConfig } from "@/lib/catalog/profile/profile-config";
import { profileVersionFile } from "@/lib/catalog/profile/profile-version";
import { readStoredProfile } from "@/lib/catalog/profile/types";
import { parseColumns } from "@/lib/catalog/types";
import { createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { createBlobStore, setBlobStore } from "@/lib/storage";
import { createUser } from "@/lib/users/create-user";
import { settleBackground } from "@/lib/util/background";
import { writeCsv } from "./catalog";
import { envNumber } from "./env";

const MiB = 1024 * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runProfileBench(): Promise<void> {
  const rows = envNumber("BENCH_PROFILE_ROWS", 1_000_000);
  const rounds = envNumber("BENCH_PROFILE_ROUNDS", 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-profile-"));
  const previous = { DATA_DIR: process.env.DATA_DIR, CATALOG_MAX_UPLOAD_BYTES: process.env.CATALOG_MAX_UPLOAD_BYTES };
  process.env.DATA_DIR = dir;
  process.env.CATALOG_MAX_UPLOAD_BYTES = String(100 * 1024 * MiB);
  const url = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(url);
  const db = createDb(url);
  setDb(db);
  setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
  try {
    const owner: Actor = await createUser({ email: "bench-profile@example.com", username: "benchprofile" });
    const workspace = await db.workspace.create({ data: { ownerId: owner.id, slug: "bench", name: "Bench" } });
    const csv = path.join(dir, "readings.csv");
    const bytes = writeCsv(csv, rows);
    const exact = rows <= profileConfig().exactRowLimit;
    console.log(
      `CSV: ${rows.toLocaleString("en-US")} rows × 10 columns, ${(bytes / MiB).toFixed(0)} MiB; profile ${exact ? "exact" : "approximate"} (CATALOG_PROFILE_EXACT_ROWS ${profileConfig().exactRowLimit.toLocaleString("en-US")}); load average before: ${load()}`,
    );
    const withProfile: number[] = [];
    const profileOnly: number[] = [];
    // CPU time of this process (DuckDB's threads included) beside the wall clock: far less swayed by other jobs.
    const cpuWithProfile: number[] = [];
    const cpuProfileOnly: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    for (let round = 0; round < rounds; round++) {
      (globalThis as { gc?: () => void }).gc?.();
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const ingest = await prepareIngest(owner, {
        workspaceId: workspace.id,
        mode: "create",
        sourcePath: csv,
        sourceName: "readings.csv",
        format: "csv",
      });
      const { datasetId } = await commitIngest(owner, ingest.id, {
        name: `Readings ${round}`,
        slug: `readings-${round}`,
      });
      await settleBackground(); // the profile is computed once the confirmation has answered: it counts here
      withProfile.push(performance.now() - started);
      cpuWithProfile.push(cpuMs(cpuStarted));
      const version = await db.datasetVersion.findFirstOrThrow({ where: { datasetId } });
      if (!readStoredProfile(version.stats)) throw new Error("The ingest stored no profile.");
      await closeDatasetDbs();
      const profiled = performance.now();
      const cpuProfiled = process.cpuUsage();
      await profileVersionFile(version.blobKey, parseColumns(version.columns), null);
      profileOnly.push(performance.now() - profiled);
      cpuProfileOnly.push(cpuMs(cpuProfiled));
      await closeDatasetDbs();
    }
    const total = median(withProfile);
    const profile = median(profileOnly);
    const without = total - profile;
    console.log(
      `ingest with the profile: median ${s(total)}; the profile step alone: median ${s(profile)}; ingest without it: ${s(without)}`,
    );
    console.log(
      `profile adds ${((profile / without) * 100).toFixed(0)}% to ingest time (target < 30%); ${rounds} rounds; load average after: ${load()}`,
    );
    const cpuProfile = median(cpuProfileOnly);
    const cpuWithout = median(cpuWithProfile) - cpuProfile;
    console.log(
      `CPU time (this process, DuckDB included): the profile ${s(cpuProfile)}, ingest without it ${s(cpuWithout)}: the profile adds ${((cpuProfile / cpuWithout) * 100).toFixed(0)}%`,
    );
  } finally {
    await closeDatasetDbs();
    await db.$disconnect();
    setDb(undefined);
    setBlobStore(undefined);
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runProfileBench();
}
