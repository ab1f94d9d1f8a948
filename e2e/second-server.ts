// Another instance of the app's server (scripts/server.mjs, with npm start's Node flags) on the suite's own database
// and blob folder, for specs that need a server with other settings beside the suite's (one listening beyond
// localhost, one with its direct routes off).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { SERVER_NODE_FLAGS } from "../scripts/server-node-flags.mjs";

/** The suite's own server's port (playwright.config.ts). */
export const SUITE_PORT = Number(process.env.E2E_PORT || 3100);

export type SecondServer = { output: () => string; stop: () => void };

/**
 * Starts scripts/server.mjs on `port` with `env` added, and resolves once it says where it listens (`host`, the
 * address it is asked to listen on).
 */
export async function startSecondServer(
  port: number,
  env: Record<string, string> = {},
  host = "127.0.0.1",
): Promise<SecondServer> {
  const dataDir = path.resolve(`.tmp/e2e-data-${SUITE_PORT}`);
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dataDir, "datashelf.db")}`,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  };
  delete full.RESEND_API_KEY;
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/server.mjs"], {
    env: full,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  for (let i = 0; i < 120 && !output.includes("Datashelf listening on"); i++)
    await new Promise((r) => setTimeout(r, 500));
  expect(output).toContain(`listening on http://${host}:${port}`);
  return { output: () => output, stop: () => child.kill("SIGTERM") };
}

/** The headers two servers' answers to the same request must agree on (besides status and bytes). */
export const COMPARED_HEADERS = [
  "content-type",
  "content-encoding",
  "content-disposition",
  "cache-control",
  "retry-after",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
];
