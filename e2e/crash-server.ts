// The app's real production server (scripts/server.mjs, as `npm start` runs it) on a data folder of
// its own, for the crash spec: prepared like scripts/e2e-server.mjs (migrations and the demo seed),
// started as a node process of its own (no npx or wrapper between: SIGKILL hits the server itself),
// killed and started again on the same data.
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { SERVER_NODE_FLAGS } from "../scripts/server-node-flags.mjs";

const run = promisify(execFile);
const TSX = ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs"];

export type CrashServer = ReturnType<typeof crashServer>;

/** One app instance on `port` over a fresh data folder; `start` and `kill` may be repeated. */
export function crashServer(port: number, extraEnv: Record<string, string>) {
  const dataDir = path.resolve(`.tmp/e2e-crash-${port}`);
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    UPLOAD_DIR: path.join(dataDir, "staging"),
    DATABASE_URL: `file:${path.join(dataDir, "datashelf.db")}`,
    PORT: String(port),
    APP_URL: base,
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.RESEND_API_KEY;
  delete env.RESEND_BASE_URL;
  let child: ChildProcess | undefined;
  let output = "";

  return {
    base,
    dataDir,
    stagingDir: env.UPLOAD_DIR!,
    output: () => output,
    get pid() {
      return child?.pid;
    },

    /** A fresh database with the demo seed (alice and bob), as the e2e server starts. */
    prepare() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true });
      execFileSync(process.execPath, [...TSX, "scripts/db/migrate.ts"], { env, stdio: "ignore" });
      execFileSync(process.execPath, [...TSX, "cli/index.ts", "db", "seed"], { env, stdio: "ignore" });
    },

    /** Starts scripts/server.mjs with `overrides` and waits until it answers. */
    async start(overrides: Record<string, string> = {}) {
      output = "";
      const started = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/server.mjs"], {
        env: { ...env, ...extraEnv, ...overrides },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = started;
      started.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 180_000;
      while (
        !(await fetch(`${base}/signin`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (started.exitCode !== null || started.signalCode !== null)
          throw new Error(`the server on ${port} exited: ${output}`);
        if (Date.now() > deadline) throw new Error(`the server on ${port} did not start: ${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },

    /**
     * SIGKILLs the server process itself and waits until it is gone; returns the ids of the
     * processes it had started, all of which must be gone too (nothing keeps serving the data).
     */
    async kill(): Promise<{ children: number[]; survivors: number[] }> {
      const target = child;
      if (!target?.pid || target.exitCode !== null || target.signalCode !== null)
        return { children: [], survivors: [] };
      // Frozen at once, then its children listed (`ps` can take a second on a busy machine, long enough
      // for the server to hear the answer it was to be cut off from), then killed.
      process.kill(target.pid, "SIGSTOP");
      const children = childPids(target.pid);
      const exited = new Promise((resolve) => target.once("exit", resolve));
      process.kill(target.pid, "SIGKILL");
      await exited;
      // A child the kernel re-parented would survive the parent: give it a moment to die with its pipe, then look.
      const deadline = Date.now() + 5_000;
      let survivors = children.filter(alive);
      while (survivors.length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        survivors = children.filter(alive);
      }
      return { children, survivors };
    },

    /** Stops whatever still runs (cleanup); SIGKILL, so it never waits for open requests. */
    stop() {
      if (child?.pid && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },

    /** Read-only SQL against the instance's database (the spec looks at the outbox and leases). */
    query<T>(sql: string, ...args: unknown[]): T[] {
      const db = new Database(path.join(dataDir, "datashelf.db"), {
        readonly: true,
        fileMustExist: true,
        timeout: 5_000,
      });
      try {
        return db.prepare(sql).all(...args) as T[];
      } finally {
        db.close();
      }
    },

    /** An API token for a seeded user, made with the CLI as an operator would. */
    async tokenFor(username: string): Promise<string> {
      const { stdout } = await run(
        process.execPath,
        [...TSX, "cli/index.ts", "token", "create", "--username", username],
        { env },
      );
      return stdout.trim();
    },

    removeData() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The processes `pid` started (directly or below), from `ps`. */
function childPids(pid: number): number[] {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid !== parent || found.includes(child)) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
