// File transfer through HTTP against a production build, as users hit it, with the reference in
// the same run (issue 15):
// - a 1 GiB download from GET /api/v1/files/{id}/content (bearer token), one stream, against
//   nginx (Debian package, sendfile on) serving the same blob;
// - 8 parallel downloads of a 100 MiB file, against nginx the same way;
// - a 1 GiB tus upload over HTTP in 8 MiB PATCHes (SHA-256 and commit included), against `dd` of
//   the same bytes to the same disk (conv=fdatasync), and how long the last PATCH takes to answer.
// A and B alternate BENCH_ROUNDS times (default 3, the order flips each round); it prints the
// median and range of each, the ratio of the medians, the load average while measuring and the
// app server's peak RSS growth during downloads.
//
// Needs a production build (`npx next build`; NEXT_DIST_DIR as for the build) and nginx
// (`apt-get install -y nginx`; without it the reference figures are left out). The app runs as
// `scripts/server.mjs` when that exists, else `next start`. Settings: BENCH_APP_PORT (3180),
// BENCH_NGINX_PORT (3181), BENCH_FILE_MB (1024), BENCH_PARALLEL_MB (100), BENCH_PARALLEL (8),
// BENCH_PATCH_MB (8), BENCH_ROUNDS (3). Run alone: `tsx --expose-gc --import ./scripts/server-only-hook.mjs bench/http-files.ts`.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { createDb, setDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { getRootFolder } from "@/lib/files/root-folder";
import { createApiToken } from "@/lib/tokens/api-tokens";

const MiB = 1024 * 1024;
const env = (name: string, fallback: number) => Number(process.env[name] || fallback);

export type Server = { pid: number; stop: () => Promise<void> };

export const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(" ");
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/** The resident memory of a process and its children, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean))
        total += treeRss(Number(child));
    }
  } catch {
    // The process ended.
  }
  return total;
}

/** CPU seconds (user + system, all threads) a process has used so far (Linux /proc; 0 when it ended). */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

async function waitFor(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

/** BENCH_PORT_BASE + `offset`, or the old fixed default: each HTTP benchmark has its own offsets. */
export const benchPort = (offset: number) => Number(process.env.BENCH_PORT_BASE || 3180) + offset;

export async function startApp(port: number, extraEnv: Record<string, string>): Promise<Server> {
  const ownServer = fs.existsSync("scripts/server.mjs");
  // BENCH_APP_NODE_ARGS: extra node flags for the app server, e.g. "--cpu-prof --cpu-prof-dir=DIR".
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const args = [
    ...nodeArgs,
    ...(ownServer
      ? ["scripts/server.mjs"]
      : ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"]),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...extraEnv, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`http://127.0.0.1:${port}/api/v1/openapi.json`, child);
  console.log(`app: ${ownServer ? "scripts/server.mjs" : "next start"} on 127.0.0.1:${port} (pid ${child.pid})`);
  return { pid: child.pid!, stop: stopper(child) };
}

export async function startNginx(dir: string, root: string, port: number): Promise<Server | null> {
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/nginx-error.log;
events {} http { access_log off; sendfile on; tcp_nopush on; server { listen 127.0.0.1:${port}; root ${root}; } }\n`,
  );
  const child = spawn("nginx", ["-c", conf, "-p", dir], { stdio: "ignore" });
  const failed = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(true));
    setTimeout(() => resolve(child.exitCode !== null), 500);
  });
  return failed ? null : { pid: child.pid!, stop: stopper(child) };
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GETs `url`, counting the bytes; resolves with the count. */
function download(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve(bytes));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** MiB/s of `count` parallel downloads of `size` bytes each; `rss` samples the app's memory meanwhile. */
async function downloads(
  url: string,
  headers: Record<string, string>,
  size: number,
  count: number,
  sample?: () => void,
): Promise<number> {
  const timer = sample ? setInterval(sample, 20) : undefined;
  const start = performance.now();
  try {
    const got = await Promise.all(Array.from({ length: count }, () => download(url, headers)));
    if (got.some((n) => n !== size)) throw new Error(`${url}: got ${got.join(", ")} bytes, expected ${size}`);
  } finally {
    if (timer) clearInterval(timer);
  }
  return (count * size) / MiB / ((performance.now() - start) / 1000);
}

export function request(
  method: string,
  url: string,
  headers: Record<string, string | number>,
  body?: fs.ReadStream,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

/** A tus upload over HTTP as tus-js-client sends it; returns the file id, seconds and the last PATCH's seconds. */
async function tusUpload(
  base: string,
  token: string,
  folderId: string,
  file: string,
  name: string,
  patchBytes: number,
) {
  const size = fs.statSync(file).size;
  const b64 = (v: string) => Buffer.from(v).toString("base64");
  const auth = { Authorization: `Bearer ${token}`, "Tus-Resumable": "1.0.0" };
  const start = performance.now();
  const created = await request("POST", `${base}/api/uploads`, {
    ...auth,
    "Upload-Length": size,
    "Upload-Metadata": `kind ${b64("file")},folderId ${b64(folderId)},name ${b64(name)}`,
    "Content-Length": 0,
  });
  if (created.status !== 201) throw new Error(`tus create answered ${created.status}: ${created.text}`);
  const location = new URL(created.headers.location!, `${base}/api/uploads/`).toString();
  let last = { status: 0, text: "" };
  let lastSeconds = 0;
  for (let offset = 0; offset < size; offset += patchBytes) {
    const end = Math.min(size, offset + patchBytes);
    const sent = performance.now();
    last = await request(
      "PATCH",
      location,
      {
        ...auth,
        "Upload-Offset": offset,
        "Content-Type": "application/offset+octet-stream",
        "Content-Length": end - offset,
      },
      fs.createReadStream(file, { start: offset, end: end - 1, highWaterMark: MiB }),
    );
    lastSeconds = (performance.now() - sent) / 1000;
    if (last.status !== 204 && last.status !== 200) throw new Error(`tus PATCH answered ${last.status}: ${last.text}`);
  }
  const id = (JSON.parse(last.text) as { id?: string }).id;
  if (!id) throw new Error(`the upload did not become a file: ${last.text}`);
  return { id, seconds: (performance.now() - start) / 1000, lastSeconds };
}

async function makeSourceFile(file: string, mb: number) {
  const block = Buffer.alloc(MiB);
  const out = fs.createWriteStream(file);
  for (let i = 0; i < mb; i++) {
    randomBytes(64).copy(block, (i * 64) % (MiB - 64));
    if (!out.write(Buffer.from(block))) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * `dd` of `file` to the same disk, flushed: MiB/s. Run asynchronously: a blocked event loop
 * would miss the app closing idle keep-alive sockets, and the next request would reuse a dead one.
 */
async function ddRate(file: string, target: string, patchMb: number): Promise<number> {
  const start = performance.now();
  await promisify(execFile)("dd", [`if=${file}`, `of=${target}`, `bs=${patchMb}M`, "conv=fdatasync"]);
  const seconds = (performance.now() - start) / 1000;
  const rate = fs.statSync(target).size / MiB / seconds;
  fs.rmSync(target, { force: true });
  return rate;
}

function line(label: string, ours: number[], reference: number[] | null, refName: string, loads: string[]) {
  const ratio = reference
    ? ` | ${refName} median ${median(reference).toFixed(0)} MiB/s (${range(reference)}) | ratio ${(median(ours) / median(reference)).toFixed(2)}`
    : ` | ${refName}: not measured`;
  console.log(
    `${label}: ours median ${median(ours).toFixed(0)} MiB/s (${range(ours)})${ratio} | load ${loads.join(" / ")}`,
  );
}

export async function runHttpFilesBench(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log(`files over HTTP: skipped (no production build in ${distDir}; run \`npx next build\` first)`);
    return;
  }
  const appPort = env("BENCH_APP_PORT", benchPort(0));
  const nginxPort = env("BENCH_NGINX_PORT", benchPort(1));
  const fileMb = env("BENCH_FILE_MB", 1024);
  const parallelMb = env("BENCH_PARALLEL_MB", 100);
  const parallel = env("BENCH_PARALLEL", 8);
  const patchMb = env("BENCH_PATCH_MB", 8);
  const rounds = Math.max(1, env("BENCH_ROUNDS", 3));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-bench-http-"));
  fs.chmodSync(dir, 0o755); // nginx's workers run as another user and must read the blobs
  const dbUrl = `file:${path.join(dir, "bench.db")}`;
  const servers: Server[] = [];
  try {
    await applyMigrations(dbUrl);
    const db = createDb(dbUrl);
    setDb(db);
    const user = await db.user.create({
      data: { email: "bench@bench.test", username: "bench", emailVerified: new Date() },
    });
    const workspace = await db.workspace.create({ data: { ownerId: user.id, slug: "bench", name: "Bench" } });
    const root = await getRootFolder(workspace.id);
    const { token } = await createApiToken(user.id, { name: "bench" });

    const app = await startApp(appPort, {
      DATA_DIR: dir,
      DATABASE_URL: dbUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
      API_RATE_LIMIT_PER_MINUTE: "100000000",
      FILES_QUOTA_BYTES: String(1024 ** 4),
    });
    servers.push(app);
    const nginx = await startNginx(dir, path.join(dir, "blobs"), nginxPort);
    if (nginx) servers.push(nginx);
    else console.log("nginx is not installed (apt-get install -y nginx): no download reference");
    const base = `http://127.0.0.1:${appPort}`;

    const big = path.join(dir, "big.bin");
    const small = path.join(dir, "small.bin");
    await makeSourceFile(big, fileMb);
    await makeSourceFile(small, parallelMb);

    // Uploads: ours (tus over HTTP) against dd, alternating.
    const ups: number[] = [];
    const lasts: number[] = [];
    const cpus: number[] = [];
    const dds: number[] = [];
    const upLoads: string[] = [];
    let bigId = "";
    const parts = (process.env.BENCH_FILES || "upload,download").split(",").map((p) => p.trim());
    for (let round = 0; parts.includes("upload") && round < rounds; round++) {
      const steps = [
        async () => {
          const cpuBefore = processCpuSeconds(app.pid);
          const up = await tusUpload(base, token, root.id, big, `big-${round}.bin`, patchMb * MiB);
          cpus.push((processCpuSeconds(app.pid) - cpuBefore) / (fileMb / 1024));
          ups.push(fileMb / up.seconds);
          lasts.push(up.lastSeconds);
          bigId ||= up.id;
        },
        async () => dds.push(await ddRate(big, path.join(dir, "dd.bin"), patchMb)),
      ];
      for (const step of round % 2 ? steps.reverse() : steps) await step();
      upLoads.push(load());
    }
    if (parts.includes("upload")) {
      line(`upload ${fileMb} MiB, tus over HTTP, ${patchMb} MiB PATCHes`, ups, dds, "dd (fdatasync)", upLoads);
      console.log(
        `  last PATCH answered in: median ${median(lasts).toFixed(2)} s (${Math.min(...lasts).toFixed(2)}–${Math.max(...lasts).toFixed(2)} s)`,
      );
      // What the app server spends per GiB whatever the load (the rate above depends on how much CPU it gets).
      console.log(
        `  app server CPU per GiB uploaded: median ${median(cpus).toFixed(2)} s (${Math.min(...cpus).toFixed(2)}–${Math.max(...cpus).toFixed(2)} s)`,
      );
    }
    if (!parts.includes("download")) return;
    bigId ||= (await tusUpload(base, token, root.id, big, "big.bin", patchMb * MiB)).id;

    const smallUp = await tusUpload(base, token, root.id, small, "small.bin", patchMb * MiB);
    const keyOf = async (id: string) => (await db.fileEntry.findUniqueOrThrow({ where: { id } })).blobKey!;
    const auth = { Authorization: `Bearer ${token}` };
    const cases = [
      { label: `download ${fileMb} MiB, one stream`, id: bigId, size: fileMb * MiB, count: 1 },
      {
        label: `download ${parallelMb} MiB × ${parallel} in parallel`,
        id: smallUp.id,
        size: parallelMb * MiB,
        count: parallel,
      },
    ];
    for (const c of cases) {
      const ours: number[] = [];
      const refs: number[] = [];
      const loads: string[] = [];
      const ourUrl = `${base}/api/v1/files/${c.id}/content`;
      const refUrl = nginx ? `http://127.0.0.1:${nginxPort}/${await keyOf(c.id)}` : null;
      await downloads(ourUrl, auth, c.size, 1); // warm-up: route compiled, page cache filled
      global.gc?.();
      const baseRss = treeRss(app.pid);
      let peakRss = baseRss;
      const sample = () => (peakRss = Math.max(peakRss, treeRss(app.pid)));
      for (let round = 0; round < rounds; round++) {
        const steps = [
          async () => ours.push(await downloads(ourUrl, auth, c.size, c.count, sample)),
          async () => refUrl && refs.push(await downloads(refUrl, {}, c.size, c.count)),
        ];
        for (const step of round % 2 ? steps.reverse() : steps) await step();
        loads.push(load());
      }
      line(c.label, ours, refUrl ? refs : null, "nginx", loads);
      console.log(`  app server RSS growth while downloading: peak ${((peakRss - baseRss) / MiB).toFixed(0)} MiB`);
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    setDb(undefined);
    agent.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runHttpFilesBench();
}
