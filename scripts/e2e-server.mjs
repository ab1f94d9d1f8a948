// Starts the production build for the end-to-end suite on a fresh database and blob folder.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVER_NODE_FLAGS } from "./server-node-flags.mjs";

const dataDir = path.resolve(`.tmp/e2e-data-${process.env.PORT ?? "3100"}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dataDir, "datashelf.db")}`,
};
delete env.RESEND_API_KEY;

const tsx = ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs"];
execFileSync(process.execPath, [...tsx, "scripts/db/migrate.ts"], { env, stdio: "inherit" });
execFileSync(process.execPath, [...tsx, "cli/index.ts", "db", "seed"], { env, stdio: "inherit" });
// The app's own server (as `npm start` runs it), so the suite exercises its client address and bind rules.
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/server.mjs"], {
  env: { ...env, PORT: env.PORT ?? "3100" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
