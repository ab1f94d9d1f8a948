// A throwaway PostgreSQL cluster in a temp directory, used as the shadow-database server when no
// SHADOW_DATABASE_URL / TEST_DATABASE_URL is given, so `npm run db:migration -- name` is self-contained on a
// machine that merely has the PostgreSQL binaries installed (Debian: /usr/lib/postgresql/<v>/bin).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database (Unix socket only, no TCP port is opened). */
  url: string;
  stop(): void;
}

/** Starts a fresh cluster (about a second). Throws a message saying what to do if that is impossible. */
export function startThrowawayPostgres(): ThrowawayPostgres {
  const bin = findBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "pg-"));
  const data = path.join(dir, "data");
  // PostgreSQL refuses to run as root; as root we hand the directory to the `postgres` user and run as it.
  const asUser = process.getuid?.() === 0 ? "postgres" : undefined;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asUser
      ? ["runuser", ["-u", asUser, "--", path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
  };
  const port = "5432"; // only names the socket file inside our private directory
  let started = false;
  const stop = () => {
    process.off("exit", stop);
    try {
      if (started) run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (asUser) {
      const uid = Number(execFileSync("id", ["-u", asUser], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", asUser], { encoding: "utf8" }));
      chownSync(dir, uid, gid);
    }
    // --no-sync: the cluster lives for seconds; durability is irrelevant and fsync is the slow part.
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const options = `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`;
    run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
    started = true;
    // Never leave a postgres running behind a crashed script.
    process.on("exit", stop);
  } catch (error) {
    stop();
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    throw new Error(
      `Could not start a throwaway PostgreSQL cluster for the shadow database (${detail}). ` +
        "Set SHADOW_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server where this user may CREATE DATABASE.",
      { cause: error },
    );
  }
  return { url: `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`, stop };
}

function findBinDir(): string {
  const candidates = [process.env.PG_BIN_DIR];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // pg_config not on PATH
  }
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, "initdb")));
  if (!found) {
    throw new Error(
      "No PostgreSQL server binaries (initdb) found for a throwaway shadow database; install PostgreSQL " +
        "(or set PG_BIN_DIR), or set SHADOW_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.",
    );
  }
  return found;
}
