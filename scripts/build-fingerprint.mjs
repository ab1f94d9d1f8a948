// What a production build was made from, so `npm start` rebuilds only when that changed: the sources
// (tracked and untracked-but-not-ignored files, or a walk of the source folders when there is no git),
// the dependency lockfile, the Next.js and Node versions, and the environment Next inlines at build time.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Paths that never reach the built app: changing them must not cost a rebuild. */
const NOT_BUILT = [
  /(^|\/)[^/]*\.md$/i,
  /\.test\.[cm]?[jt]sx?$/,
  /^(docs|e2e|test|bench|cli|\.ci|\.github|prisma\/migrations|prisma\/postgresql)\//,
  /^(playwright|vitest)\.config\.[cm]?[jt]s$/,
];

/** Folders and root files walked when the checkout has no git metadata (e.g. a tarball install). */
const WALKED_DIRS = ["app", "components", "lib", "public", "prisma", "scripts", "styles"];
const WALK_SKIP = new Set(["node_modules", "generated", ".next"]);
const ROOT_FILE =
  /^(package(-lock)?\.json|tsconfig\.json|next\.config\.[cm]?[jt]s|postcss\.config\.[cm]?[jt]s|proxy\.ts|middleware\.ts|instrumentation\.ts|tailwind\.config\.[cm]?[jt]s)$/;

/** Environment files Next reads at build time (they are ignored by git, so read them explicitly). */
const ENV_FILES = [".env", ".env.local", ".env.production", ".env.production.local"];

/**
 * The fingerprint of the build inputs in `root`: a hex SHA-256 that changes whenever a file that goes
 * into `next build`, the lockfile, the Next or Node version, or a NEXT_PUBLIC_* variable changes.
 * The build folder `dist` and its lock files are never part of it, whatever .gitignore says.
 * @param {string} root
 * @param {string} dist absolute path of the build folder
 * @returns {string}
 */
export function buildFingerprint(root, dist) {
  const hash = createHash("sha256");
  const output = path.relative(root, dist).split(path.sep).join("/");
  const isOutput = (/** @type {string} */ file) =>
    file === output || file.startsWith(`${output}/`) || file.startsWith(`${output}.`);
  const files = [...new Set([...sourceFiles(root), "package-lock.json", ...ENV_FILES])]
    .filter((f) => !isOutput(f))
    .sort();
  for (const file of files) {
    let content;
    try {
      content = fs.readFileSync(path.join(root, file));
    } catch {
      continue; // listed by git but deleted in the work tree, or an env file that does not exist
    }
    if (file === "package.json") content = withoutScripts(content);
    hash.update(`${file}\0${createHash("sha256").update(content).digest("hex")}\n`);
  }
  hash.update(`next ${nextVersion(root)}\nnode ${process.version}\n`);
  for (const [key, value] of Object.entries(process.env)
    .filter(([k]) => k.startsWith("NEXT_PUBLIC_"))
    .sort()) {
    hash.update(`env ${key}=${value}\n`);
  }
  return hash.digest("hex");
}

/**
 * package.json without its "scripts": npm scripts never reach the app, so editing one must not cost a rebuild
 * (dependencies, "type", "browserslist" and the rest still count).
 * @param {Buffer} content
 */
function withoutScripts(content) {
  try {
    const manifest = JSON.parse(content.toString("utf8"));
    delete manifest.scripts;
    return Buffer.from(JSON.stringify(manifest));
  } catch {
    return content;
  }
}

/** @param {string} root @returns {string[]} relative paths with forward slashes */
function sourceFiles(root) {
  let listed;
  try {
    listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    })
      .toString()
      .split("\0")
      .filter(Boolean);
  } catch {
    listed = walk(root);
  }
  return listed.filter((file) => !NOT_BUILT.some((pattern) => pattern.test(file)));
}

/** @param {string} root */
function walk(root) {
  /** @type {string[]} */
  const files = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && ROOT_FILE.test(e.name))
    .map((e) => e.name);
  /** @param {string} rel */
  const visit = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && !WALK_SKIP.has(entry.name)) visit(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  for (const dir of WALKED_DIRS) visit(dir);
  return files;
}

/** @param {string} root */
function nextVersion(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version;
  } catch {
    return "missing";
  }
}
