import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const port = process.env.E2E_PORT || "3100";

/** The environment of the running e2e server (scripts/e2e-server.mjs): its data folder and database. */
export function e2eServerEnv(): NodeJS.ProcessEnv {
  const dataDir = path.resolve(`.tmp/e2e-data-${port}`);
  return {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dataDir, "datashelf.db")}`,
  };
}

/** A TypeScript script (tsx, server-only allowed) against the running e2e server's database. */
export function runScript(script: string, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", script, ...args], {
    env: e2eServerEnv(),
  });
}

/** The CLI against the running e2e server's database, as an operator would use it. */
export function cli(...args: string[]) {
  return runScript("cli/index.ts", ...args);
}

export async function createUserWithToken(username: string) {
  await cli("user", "create", "--email", `${username}@example.com`, "--username", username);
  return tokenFor(username);
}

export async function tokenFor(username: string) {
  const { stdout } = await cli("token", "create", "--username", username);
  return stdout.trim();
}
