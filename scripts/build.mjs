// `npm run build` (always builds) and `npm start`'s build step (`--if-changed`: builds only when the
// sources or dependencies changed since the last build). Either way the build folder is never replaced
// under a running server (see build-lock.mjs), and two starts never build it at the same time.
//
// Settings: NEXT_DIST_DIR (build folder, default .next; read by next.config.js too).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildFingerprint } from "./build-fingerprint.mjs";
import { ServerRunningError, distDirOf, withBuildLock } from "./build-lock.mjs";

/** Stored in the build folder after a successful build; `next build` empties the folder first. */
export const FINGERPRINT_FILE = "datashelf-build.json";

/** @param {string} dist @returns {string | undefined} */
export function storedFingerprint(dist) {
  try {
    if (!fs.existsSync(path.join(dist, "BUILD_ID"))) return undefined;
    return JSON.parse(fs.readFileSync(path.join(dist, FINGERPRINT_FILE), "utf8")).fingerprint;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure `root`'s build folder holds a build of the current sources.
 * @param {{ root: string, distDir?: string, ifChanged: boolean, build?: (dist: string) => Promise<void> }} options
 * @returns {Promise<"up-to-date" | "built">}
 */
export async function ensureBuild({ root, distDir, ifChanged, build = (dist) => nextBuild(root, dist) }) {
  const dist = distDirOf(root, distDir);
  const fingerprint = buildFingerprint(root, dist);
  const isCurrent = () => storedFingerprint(dist) === fingerprint;
  if (ifChanged && isCurrent()) return "up-to-date";
  const { built } = await withBuildLock({
    root,
    distDir,
    isCurrent: ifChanged ? isCurrent : () => false,
    build: async () => {
      await build(dist);
      // Written only after a complete build, atomically, so a failed or interrupted build is redone.
      const file = path.join(dist, FINGERPRINT_FILE);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }) + "\n");
      fs.renameSync(`${file}.tmp`, file);
    },
  });
  return built ? "built" : "up-to-date";
}

/** @param {string} root @param {string} dist @returns {Promise<void>} */
function nextBuild(root, dist) {
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NEXT_DIST_DIR: path.relative(root, dist) };
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const ifChanged = process.argv.includes("--if-changed");
  const started = Date.now();
  ensureBuild({ root, ifChanged }).then(
    (outcome) => {
      const name = path.basename(distDirOf(root));
      if (outcome === "up-to-date") console.log(`Build in ${name} is up to date (no source or dependency changed).`);
      else console.log(`Built ${name} in ${Math.round((Date.now() - started) / 1000)} s.`);
    },
    (error) => {
      console.error(
        error instanceof ServerRunningError
          ? error.message
          : `Build failed: ${error instanceof Error ? error.message : error}`,
      );
      process.exit(1);
    },
  );
}
