// A production build is never replaced under a running server. Every server process holds a shared lock
// on its build folder for as long as it runs; a rebuild needs that lock exclusively, so it is refused
// while any server serves the folder (and a server starting during a build waits for the build).
//
// The locks are SQLite file locks on `<distDir>.serve.lock` and `<distDir>.build.lock` beside the
// build folder (not inside it: `next build` empties the folder). The operating system drops them when
// the process ends, however it ends, so a crashed server never leaves a stale lock behind.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const POLL_MS = 250;

/** The build folder, as next.config.js chooses it: NEXT_DIST_DIR, else .next. @param {string} root */
export function distDirOf(root, distDir = process.env.NEXT_DIST_DIR || ".next") {
  return path.resolve(root, distDir);
}

/** @param {string} dist @param {"serve" | "build"} kind */
function lockFile(dist, kind) {
  fs.mkdirSync(path.dirname(dist), { recursive: true });
  return new Database(`${dist}.${kind}.lock`, { timeout: 0 });
}

/** @param {unknown} error */
function isBusy(error) {
  const code = /** @type {{ code?: unknown } | null} */ (error)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** @param {Database.Database} db @param {string} sql */
function tryLock(db, sql) {
  try {
    db.exec(sql);
    // A read is what takes the shared lock (BEGIN alone takes none); it also confirms an exclusive one.
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return true;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    if (isBusy(error)) return false;
    throw error;
  }
}

/** @type {Database.Database[]} */
const held = []; // referenced for the life of the process, so the connections (and locks) stay open

/**
 * Rule: a server process serves a build only while holding the shared lock on it, for its whole life.
 * Call once at start-up, before Next.js reads the build. Waits while a build of that folder is under way
 * (up to `waitMs`), then checks that a complete build is there.
 * @param {{ root?: string, distDir?: string, waitMs?: number }} [options]
 * @returns {Promise<{ release(): void }>}
 */
export async function holdBuild({ root = process.cwd(), distDir, waitMs = 15 * 60_000 } = {}) {
  const dist = distDirOf(root, distDir);
  const db = lockFile(dist, "serve");
  const deadline = Date.now() + waitMs;
  let told = false;
  while (!tryLock(db, "BEGIN")) {
    if (Date.now() > deadline) {
      db.close();
      throw new Error(`${path.basename(dist)} is still being rebuilt; not serving a half-made build.`);
    }
    if (!told) console.log(`Waiting for the build in ${path.basename(dist)} to finish...`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) {
    db.close();
    throw new Error(
      `No production build in ${path.basename(dist)}: run \`npm run build\` (or \`npm start\`, which builds when needed).`,
    );
  }
  held.push(db);
  return {
    release() {
      const i = held.indexOf(db);
      if (i >= 0) held.splice(i, 1);
      db.close();
    },
  };
}

/**
 * Rule: a build folder is rebuilt only by one builder at a time and only while no server serves it.
 * Runs `build` holding both locks exclusively. Another builder is waited for (`waitMs`), then `isCurrent`
 * is asked again, since that builder may have just made the build we need; a running server is not
 * waited for: the call fails with an explanation instead.
 * @template T
 * @param {{ root?: string, distDir?: string, waitMs?: number, isCurrent?: () => boolean, build: () => Promise<T> }} options
 * @returns {Promise<{ built: boolean, result?: T }>}
 */
export async function withBuildLock({
  root = process.cwd(),
  distDir,
  waitMs = 30 * 60_000,
  isCurrent = () => false,
  build,
}) {
  const dist = distDirOf(root, distDir);
  const builder = lockFile(dist, "build");
  try {
    const deadline = Date.now() + waitMs;
    let told = false;
    while (!tryLock(builder, "BEGIN EXCLUSIVE")) {
      if (Date.now() > deadline)
        throw new Error(`Another build of ${path.basename(dist)} has been running for too long.`);
      if (!told) console.log(`Another process is building ${path.basename(dist)}; waiting for it...`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (isCurrent()) return { built: false };
    const serving = lockFile(dist, "serve");
    try {
      if (!tryLock(serving, "BEGIN EXCLUSIVE")) throw new ServerRunningError(dist);
      return { built: true, result: await build() };
    } finally {
      serving.close();
    }
  } finally {
    builder.close();
  }
}

export class ServerRunningError extends Error {
  /** @param {string} dist */
  constructor(dist) {
    const name = path.basename(dist);
    super(
      `A Datashelf server is running from ${name}, and the sources or dependencies changed since that build. ` +
        `Rebuilding now would replace ${name} under the running server, so nothing was built. ` +
        `Stop that server and run \`npm start\` again, or start this one with its own build folder: ` +
        `NEXT_DIST_DIR=${name}-2 npm start`,
    );
    this.name = "ServerRunningError";
  }
}
