// `npm run db:generate` (also postinstall): derive the PostgreSQL schema, then generate both Prisma
// clients. Both generations run in parallel (each is ~1.5 s, mostly WASM start-up) and print one line each;
// the CLI's chatter is shown only when it fails.
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from "./schema-variants.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

async function main() {
  const source = await readFile(path.join(root, SQLITE_SCHEMA), "utf8");
  const target = path.join(root, POSTGRES_SCHEMA);
  await mkdir(path.dirname(target), { recursive: true });
  const derived = postgresSchemaFrom(source);
  // Leave the file untouched when unchanged so watchers and mtimes stay quiet.
  if ((await readFile(target, "utf8").catch(() => null)) !== derived) await writeFile(target, derived);

  const results = await Promise.allSettled([generate(SQLITE_SCHEMA), generate(POSTGRES_SCHEMA)]);
  const failed = results.filter((r) => r.status === "rejected");
  for (const r of failed) console.error(String(r.reason?.message ?? r.reason));
  if (failed.length) process.exit(1);
}

/** @param {string} schema path relative to the project root */
function generate(schema) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "generate"], {
      cwd: root,
      env: {
        ...process.env,
        PRISMA_SCHEMA: schema, // read by prisma.config.ts
        // generate never needs the native schema engine, but the CLI insists on locating one and would
        // try to download it (no internet here); any existing path satisfies it.
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1", // no telemetry/update check: it would only time out offline
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const done = output.match(/Generated Prisma Client[^\n]*/)?.[0];
      if (code === 0 && done) {
        console.log(`${schema}: ${done.replace(/^✔\s*/, "")}`);
        resolve(undefined);
      } else {
        reject(new Error(`prisma generate failed for ${schema} (exit ${code}):\n${output}`));
      }
    });
  });
}

await main();
