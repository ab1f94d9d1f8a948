// `npm start` builds only when the sources or dependencies changed, and never replaces a build under a
// running server. The servers here are real processes holding the lock as scripts/server.mjs does; the
// build step is a stand-in that writes a BUILD_ID (a real `next build` takes minutes).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureBuild } from "./build.mjs";
import { ServerRunningError } from "./build-lock.mjs";

const LOCK_MODULE = pathToFileURL(path.resolve("scripts/build-lock.mjs")).href;

let root: string;
let builds: number;
const children: ChildProcess[] = [];

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const buildId = () => fs.readFileSync(path.join(root, ".next/BUILD_ID"), "utf8");

/** Stand-in for `next build`: empties the folder as Next does, then writes a new BUILD_ID. */
async function fakeBuild(dist: string, ms = 0) {
  builds += 1;
  fs.rmSync(dist, { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, ms));
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, "BUILD_ID"), `build-${builds}`);
}

const start = (build = (dist: string) => fakeBuild(dist)) => ensureBuild({ root, ifChanged: true, build });

/** A server process of this checkout: holds the build as scripts/server.mjs does, then reports what it serves. */
async function runServer(): Promise<{ child: ChildProcess; serving: Promise<string> }> {
  const script = `
    import fs from "node:fs";
    const { holdBuild } = await import(${JSON.stringify(LOCK_MODULE)});
    await holdBuild({ root: process.argv[1] });
    process.stdout.write("serving " + fs.readFileSync(process.argv[1] + "/.next/BUILD_ID", "utf8") + "\\n");
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, root], {
    stdio: ["ignore", "pipe", "inherit"],
    cwd: process.cwd(),
  });
  children.push(child);
  const serving = (async () => {
    for await (const chunk of child.stdout!) {
      const line = String(chunk);
      if (line.startsWith("serving ")) return line.slice("serving ".length).trim();
    }
    throw new Error("server exited");
  })();
  return { child, serving };
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-build-"));
  builds = 0;
  write("app/page.tsx", "export default function Page() { return 'v1'; }\n");
  write("package-lock.json", '{"lockfileVersion":3}\n');
  write("README.md", "# readme\n");
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
  fs.rmSync(root, { recursive: true, force: true });
});

describe("npm start's build step", () => {
  it("builds the first time, then not again until a source or the lockfile changes", async () => {
    expect(await start()).toBe("built");
    expect(await start()).toBe("up-to-date");
    write("README.md", "# only docs changed\n");
    expect(await start()).toBe("up-to-date");

    write("app/page.tsx", "export default function Page() { return 'v2'; }\n");
    expect(await start()).toBe("built");
    write("package-lock.json", '{"lockfileVersion":3,"packages":{}}\n');
    expect(await start()).toBe("built");
    expect(await start()).toBe("up-to-date");
    write("package.json", '{"type":"module","scripts":{"start":"node a.mjs"}}\n');
    expect(await start()).toBe("built");
    write("package.json", '{"type":"module","scripts":{"start":"node b.mjs"}}\n'); // npm scripts are not built
    expect(await start()).toBe("up-to-date");
    expect(builds).toBe(4);
  });

  it("uses the files git knows (tracked and new), ignoring what .gitignore excludes", async () => {
    execFileSync("git", ["init", "-q"], { cwd: root });
    write(".gitignore", "/data/\n");
    expect(await start()).toBe("built");
    write("data/datashelf.db", "changes all the time");
    expect(await start()).toBe("up-to-date");
    write("lib/new-module.ts", "export const x = 1;\n"); // untracked, not ignored: part of the build
    expect(await start()).toBe("built");
  });

  it("redoes a build that failed half-way", async () => {
    await expect(
      start(async (dist) => {
        await fakeBuild(dist);
        throw new Error("out of memory");
      }),
    ).rejects.toThrow("out of memory");
    expect(await start()).toBe("built");
  });

  it("serves an unchanged build to a second server, and refuses to rebuild under a running one", async () => {
    await start();
    const first = await runServer();
    expect(await first.serving).toBe("build-1");

    expect(await start()).toBe("up-to-date"); // a second `npm start` of the same checkout
    const second = await runServer();
    expect(await second.serving).toBe("build-1");

    write("app/page.tsx", "export default function Page() { return 'v2'; }\n");
    await expect(start()).rejects.toThrow(ServerRunningError);
    await expect(start()).rejects.toThrow(
      /A Datashelf server is running from \.next.*NEXT_DIST_DIR=\.next-2 npm start/s,
    );
    expect(buildId()).toBe("build-1"); // the running servers' build is untouched
    expect(builds).toBe(1);

    // Once every server has stopped, the changed sources are built.
    first.child.kill("SIGKILL");
    second.child.kill("SIGKILL");
    await Promise.all([once(first.child, "exit"), once(second.child, "exit")]);
    expect(await start()).toBe("built");
    expect(buildId()).toBe("build-2");
  });

  it("lets a server that starts during a build wait for the finished build", async () => {
    await start();
    write("app/page.tsx", "export default function Page() { return 'v2'; }\n");
    let finished = false;
    const building = start(async (dist) => {
      await fakeBuild(dist, 1_500);
      finished = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const server = await runServer();
    const served = await server.serving;
    expect(finished).toBe(true);
    expect(served).toBe("build-2");
    expect(await building).toBe("built");
  });

  it("builds once when two starts need the same build at the same time", async () => {
    const slow = (dist: string) => fakeBuild(dist, 500);
    const outcomes = await Promise.all([start(slow), start(slow)]);
    expect(outcomes.sort()).toEqual(["built", "up-to-date"]);
    expect(builds).toBe(1);
  });
});
