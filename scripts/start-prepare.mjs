// `npm start`'s preparation (the "prestart" script), in one process so an unchanged install starts in
// seconds: apply pending migrations (waits for a running server's writes), seed the demo into an empty
// database, and build only when the sources or dependencies changed (never under a running server).
// Runs under tsx (`node --import tsx --import ./scripts/server-only-hook.mjs scripts/start-prepare.mjs`).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "./db/migrate.ts";
import { ensureBuild } from "./build.mjs";
import { ServerRunningError, distDirOf } from "./build-lock.mjs";
import { numberSettingProblems } from "../lib/config/number-settings.ts";
import { parquetCompressionProblem } from "../lib/config/parquet-compression.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// A limit set to something that is not a number must stop the start, not run without the limit.
const problems = [...numberSettingProblems(), parquetCompressionProblem()].filter((p) => p !== null);
if (problems.length > 0) {
  console.error(`npm start: fix these settings first:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

try {
  await migrate();
  await seedIfEmpty();
  const started = Date.now();
  const outcome = await ensureBuild({ root, ifChanged: true });
  const name = path.basename(distDirOf(root));
  console.log(
    outcome === "built"
      ? `Built ${name} in ${Math.round((Date.now() - started) / 1000)} s.`
      : `Build in ${name} is up to date (no source or dependency changed).`,
  );
} catch (error) {
  console.error(
    error instanceof ServerRunningError
      ? error.message
      : `npm start: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
process.exit(0); // the database client's pool must not keep the start waiting

async function seedIfEmpty() {
  const { getDb } = await import("../lib/db/index.ts");
  const db = getDb();
  try {
    if ((await db.user.count()) > 0) return;
    // Loaded only for an empty database: the seed pulls in most of the domain.
    const { seedDemo } = await import("../lib/seed/demo.ts");
    const { seeded } = await seedDemo();
    if (seeded) console.log("Seeded the demo: alice@example.com and bob@example.com (sign in through /mailbox).");
  } finally {
    await db.$disconnect();
  }
}
